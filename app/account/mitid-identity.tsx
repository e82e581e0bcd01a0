import type { CprSource, MitidIdentity } from "@/lib/identity";

import { stepUpToHigh, switchCompany } from "./actions";
import { Field, LoginFields, Section } from "./fields";

const FLOW_LABEL: Record<MitidIdentity["flow"], string> = {
  mitid: "MitID (Signicat)",
  cpr: "MitID with CPR match (Signicat)",
  business: "MitID Business (Signicat)",
  company: "MitID, acting for a company (Signicat)",
};

const CPR_SOURCE_LABEL: Record<CprSource, string> = {
  user: "Typed by you at MitID",
  prefilled: "Sent encrypted by this portal",
  database: "Remembered by Signicat from an earlier login",
};

const LEVEL_LABEL = { LOW: "Low", SUBSTANTIAL: "Substantial", HIGH: "High" } as const;

/** A MitID login: the person, the assurance levels, the CPR match and whom they represent. */
export function MitidIdentityView({ identity, problem }: { identity: MitidIdentity; problem?: string }) {
  const rep = identity.representative;
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {identity.organisation
          ? `You are logged in with MitID, acting for ${identity.organisation.name}.`
          : "You are logged in with MitID as yourself."}
      </p>
      {problem === "cvr" ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-800">
          A CVR number has eight digits. Check it and try again.
        </p>
      ) : null}
      <Section id="login-heading" title="This login">
        <LoginFields provider={FLOW_LABEL[identity.flow]} loginAt={identity.loginAt} />
        <Field
          label="Name"
          help="As MitID knows you"
          value={identity.name}
          testId="mitid-name"
          mono={false}
        />
        <Field
          label="MitID UUID"
          help="Your identifier in MitID"
          value={identity.mitidUuid}
          testId="mitid-uuid"
        />
        <Field
          label="Level of assurance (LoA)"
          help="How sure MitID is that it was you: the lower of the two below"
          value={LEVEL_LABEL[identity.loa]}
          testId="mitid-loa"
          mono={false}
        />
        <Field
          label="Identity assurance (IAL)"
          help="How well your identity was checked when MitID was issued"
          value={LEVEL_LABEL[identity.ial]}
          testId="mitid-ial"
          mono={false}
        />
        <Field
          label="Authenticator assurance (AAL)"
          help="How strong the authenticator you used now is"
          value={LEVEL_LABEL[identity.aal]}
          testId="mitid-aal"
          mono={false}
        />
      </Section>
      <Section id="cpr-heading" title="CPR match">
        {identity.cprMatch ? (
          <>
            <Field
              label="CPR number"
              help="Matched with MitID; only the date part is shown"
              value={identity.cprMatch.maskedCpr}
              testId="cpr-masked"
            />
            <Field
              label="Where the CPR came from"
              help="How MitID got the number it matched"
              value={CPR_SOURCE_LABEL[identity.cprMatch.source]}
              testId="cpr-source"
              mono={false}
            />
          </>
        ) : (
          <Field
            label="CPR number"
            help="This login did not ask MitID to match a CPR number"
            value="Not matched"
            testId="cpr-masked"
            mono={false}
          />
        )}
      </Section>
      {identity.organisation ? (
        <Section id="org-heading" title="The company you act for">
          <Field
            label="Company"
            help="Its registered name"
            value={identity.organisation.name}
            testId="org-name"
            mono={false}
          />
          <Field
            label="CVR number"
            help="Danish company registration number"
            value={identity.organisation.cvr}
            testId="org-cvr"
          />
          <Field
            label="P-number"
            help="The production unit you belong to"
            value={identity.organisation.pNumber ?? "Not given"}
            testId="org-pnumber"
          />
          <Field
            label="Your role"
            help="Why you may act for the company"
            value={
              rep?.kind === "employee"
                ? `Employee with a MitID Business identity (${rep.name})`
                : "Signatory, registered at Virk"
            }
            testId="org-role"
            mono={false}
          />
          <Field
            label="Can represent it alone"
            help="Whether you may bind the company without a co-signer"
            value={rep?.kind === "employee" ? (rep.canRepresentAlone ? "Yes" : "No") : "Not stated by MitID"}
            testId="org-alone"
            mono={false}
          />
        </Section>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        {identity.organisation ? (
          <form action={switchCompany} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold">Switch company</h2>
            <p className="mt-2 text-sm text-slate-600">Log in again for another company you can act for.</p>
            <label htmlFor="switch-cvr" className="mt-3 block text-sm font-medium">
              CVR number of the company
            </label>
            <input
              id="switch-cvr"
              name="cvr"
              inputMode="numeric"
              autoComplete="off"
              maxLength={10}
              required
              className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-mono"
            />
            <button
              type="submit"
              className="mt-4 rounded-lg border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
            >
              Switch company
            </button>
          </form>
        ) : null}
        {identity.loa !== "HIGH" ? (
          <form action={stepUpToHigh} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold">Need a higher level?</h2>
            <p className="mt-2 text-sm text-slate-600">
              Confirm with a stronger MitID authenticator, without typing your user ID again.
            </p>
            <button
              type="submit"
              className="mt-4 rounded-lg border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
            >
              Step up to High
            </button>
          </form>
        ) : null}
      </div>
    </>
  );
}
