import { NORDIC_EIDS, type NordicEidIdentity } from "@/lib/identity";

import { Field, LoginFields, Section } from "./fields";

/** A MitID or BankID identity, as Idura vouched for it; national identity numbers are never shown. */
export function NordicEidIdentityView({ identity }: { identity: NordicEidIdentity }) {
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {identity.business
          ? `You are logged in for ${identity.business.companyName ?? "your company"} with MitID Erhverv.`
          : `You are logged in with ${NORDIC_EIDS[identity.eid]}.`}
      </p>
      <Section id="login-heading" title="This login">
        <LoginFields
          provider={
            identity.provider === "idura-bankid" ? "Swedish BankID (QR code)" : NORDIC_EIDS[identity.eid]
          }
          loginAt={identity.loginAt}
        />
        <Field label="Method" help="The acr value Idura reports" value={identity.acr} testId="eid-acr" />
        {identity.loa ? (
          <Field
            label="Assurance level"
            help="MitID level of assurance"
            value={identity.loa}
            testId="eid-loa"
            mono={false}
          />
        ) : null}
      </Section>
      <Section id="person-heading" title="You">
        <Field
          label="Name"
          help="As your eID states it"
          value={identity.name}
          testId="eid-name"
          mono={false}
        />
        {identity.birthdate ? (
          <Field
            label="Date of birth"
            help="As your eID states it"
            value={identity.birthdate}
            testId="eid-birthdate"
          />
        ) : null}
        {identity.country ? (
          <Field
            label="Country"
            help="Country of the eID"
            value={identity.country}
            testId="eid-country"
            mono={false}
          />
        ) : null}
      </Section>
      {identity.business ? (
        <Section id="business-heading" title="Your company">
          <Field
            label="CVR"
            help="Danish company registration number"
            value={identity.business.cvr}
            testId="eid-cvr"
          />
          {identity.business.companyName ? (
            <Field
              label="Company"
              help="As MitID Erhverv states it"
              value={identity.business.companyName}
              testId="eid-company"
              mono={false}
            />
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
