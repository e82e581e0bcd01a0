import { getTranslations } from "next-intl/server";

import type { MitidIdentity } from "./identity";

import { loginAttributes, Permits } from "@/components/account/fields";
import { AttributeSection } from "@/components/ui/attribute-list";
import { BUTTON } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import Link from "next/link";
import { requireProviderSettings } from "@/lib/providers/settings";

import { stepUpToHigh, switchCompany } from "./actions";
import { signicatFeatures } from "./provider";
import { Card } from "@/components/ui/card";

/** A MitID login: the person, the assurance levels, the CPR match and whom they represent. */
export async function MitidIdentityView({
  identity,
  problem,
}: {
  identity: MitidIdentity;
  problem?: string;
}) {
  const t = await getTranslations("MitidIdentity");
  const account = await getTranslations("Account");
  const common = await getTranslations("Common");
  const settings = requireProviderSettings("signicat");
  const features = signicatFeatures(settings);
  const partners = identity.canTransfer ? (settings.transfer?.partners ?? []) : [];
  // A level the platform did not report is said so, not guessed.
  const level = (value: MitidIdentity["loa"]) => (value ? t("level", { level: value }) : t("notGiven"));
  const rep = identity.representative;
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {identity.organisation
          ? t("roleOrganisation", { organisation: identity.organisation.name })
          : t("role")}
      </p>
      {problem === "cvr" ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-800">
          {t("problemCvr")}
        </p>
      ) : null}
      <Permits>{account("permitsOther")}</Permits>
      <AttributeSection
        id="login-heading"
        title={account("thisLogin")}
        attributes={[
          ...(await loginAttributes(t("flow", { flow: identity.flow }), identity.loginAt)),
          identity.transferredFrom && {
            label: t("transferredFrom"),
            help: t("transferredFromHelp"),
            value: t("transferredFromValue", { partner: identity.transferredFrom }),
            testId: "transferred-from",
            mono: false,
          },
          {
            label: account("name"),
            help: t("nameHelp"),
            value: identity.name ?? (identity.nameProtected ? t("nameProtected") : t("notGiven")),
            testId: "mitid-name",
            mono: false,
          },
          { label: t("uuid"), help: t("uuidHelp"), value: identity.mitidUuid, testId: "mitid-uuid" },
          {
            label: t("loa"),
            help: t("loaHelp"),
            value: level(identity.loa),
            testId: "mitid-loa",
            mono: false,
          },
          {
            label: t("ial"),
            help: t("ialHelp"),
            value: level(identity.ial),
            testId: "mitid-ial",
            mono: false,
          },
          {
            label: t("aal"),
            help: t("aalHelp"),
            value: level(identity.aal),
            testId: "mitid-aal",
            mono: false,
          },
        ]}
      />
      {/* Only a login that asked MitID to match a CPR number has anything to say about one. */}
      {identity.cprMatch ? (
        <AttributeSection
          id="cpr-heading"
          title={t("cprHeading")}
          attributes={[
            { label: t("cpr"), help: t("cprHelp"), value: identity.cprMatch.maskedCpr, testId: "cpr-masked" },
            {
              label: t("cprSourceLabel"),
              help: t("cprSourceHelp"),
              value: identity.cprMatch.source
                ? t("cprSource", { source: identity.cprMatch.source })
                : t("notGiven"),
              testId: "cpr-source",
              mono: false,
            },
          ]}
        />
      ) : null}
      {identity.organisation ? (
        <AttributeSection
          id="org-heading"
          title={t("orgHeading")}
          attributes={[
            {
              label: t("company"),
              help: t("companyHelp"),
              value: identity.organisation.name,
              testId: "org-name",
              mono: false,
            },
            { label: t("cvr"), help: t("cvrHelp"), value: identity.organisation.cvr, testId: "org-cvr" },
            {
              label: t("pNumber"),
              help: t("pNumberHelp"),
              value: identity.organisation.pNumber ?? t("notGiven"),
              testId: "org-pnumber",
              mono: identity.organisation.pNumber !== undefined,
            },
            {
              label: t("orgRole"),
              help: t("orgRoleHelp"),
              value:
                rep?.kind === "employee" ? t("orgRoleEmployee", { name: rep.name }) : t("orgRoleSignatory"),
              testId: "org-role",
              mono: false,
            },
            {
              label: t("alone"),
              help: t("aloneHelp"),
              value:
                rep?.kind === "employee"
                  ? rep.canRepresentAlone
                    ? common("yes")
                    : common("no")
                  : t("aloneNotStated"),
              testId: "org-alone",
              mono: false,
            },
          ]}
        />
      ) : null}
      {partners.length > 0 ? (
        <Card as="section" aria-labelledby="partners-heading">
          <h2 id="partners-heading" className="text-lg font-semibold">
            {t("partnersHeading")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("partnersBody")}</p>
          <ul className="mt-4 flex flex-wrap gap-3">
            {partners.map((p) => (
              <li key={p.id}>
                <Link href={`/account/transfer/${p.id}`} className={BUTTON.secondary}>
                  {t("partnerLink", { partner: p.name })}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        {identity.organisation ? (
          <Card as="form" action={switchCompany}>
            <h2 className="text-lg font-semibold">{t("switchHeading")}</h2>
            <p className="mt-2 text-sm text-slate-600">
              {features.prefilledCvr ? t("switchBody") : t("switchBodyNoPrefill")}
            </p>
            {features.prefilledCvr ? (
              <>
                <label htmlFor="switch-cvr" className="mt-3 block text-sm font-medium">
                  {t("switchLabel")}
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
              </>
            ) : null}
            <SubmitButton variant="secondary" className="mt-4">
              {t("switchButton")}
            </SubmitButton>
          </Card>
        ) : null}
        {identity.loa !== "HIGH" ? (
          <Card as="form" action={stepUpToHigh}>
            <h2 className="text-lg font-semibold">{t("stepUpHeading")}</h2>
            <p className="mt-2 text-sm text-slate-600">
              {features.stepUp === "auth-token" ? t("stepUpBody") : t("stepUpBodyFreshLogin")}
            </p>
            <SubmitButton variant="secondary" className="mt-4">
              {t("stepUpButton")}
            </SubmitButton>
          </Card>
        ) : null}
      </div>
    </>
  );
}
