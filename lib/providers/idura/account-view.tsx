import { getTranslations } from "next-intl/server";

import type { NordicEidIdentity } from "./identity";

import { CalendarDate, Field, LoginFields, Permits, Section } from "@/components/account/fields";

/** The acr as a person would name it: which eID, and how (docs/providers/idura.md, acr values). */
function methodOf(acr: string): string {
  const known: Record<string, string> = {
    "urn:grn:authn:dk:mitid:low": "mitid_low",
    "urn:grn:authn:dk:mitid:substantial": "mitid_substantial",
    "urn:grn:authn:dk:mitid:high": "mitid_high",
    "urn:grn:authn:dk:mitid:business": "mitid_business",
    "urn:grn:authn:se:bankid": "se_bankid",
    "urn:grn:authn:se:bankid:same-device": "se_same_device",
    "urn:grn:authn:se:bankid:another-device": "se_another_device",
    "urn:grn:authn:se:bankid:another-device:qr": "se_qr",
    "urn:grn:authn:no:bankid": "no_bankid",
  };
  return known[acr] ?? "other";
}

/** A MitID or BankID identity, as Idura vouched for it; national identity numbers are never shown. */
export async function NordicEidIdentityView({ identity }: { identity: NordicEidIdentity }) {
  const t = await getTranslations("NordicEidIdentity");
  const account = await getTranslations("Account");
  const eid = await getTranslations("Eid");
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {identity.business
          ? t("roleBusiness", { company: identity.business.companyName ?? "unknown" })
          : t("role", { eid: eid(identity.eid) })}
      </p>
      <Permits>{account("permitsOther")}</Permits>
      <Section id="login-heading" title={account("thisLogin")}>
        <LoginFields
          provider={identity.provider === "idura-bankid" ? t("providerBankIdQr") : eid(identity.eid)}
          loginAt={identity.loginAt}
        />
        <Field
          label={t("method")}
          help={t("methodHelp")}
          value={<span data-acr={identity.acr}>{t("methodName", { method: methodOf(identity.acr) })}</span>}
          testId="eid-acr"
          mono={false}
        />
        {identity.loa ? (
          <Field
            label={t("assurance")}
            help={t("assuranceHelp")}
            value={t("level", { level: identity.loa })}
            testId="eid-loa"
            mono={false}
          />
        ) : null}
      </Section>
      <Section id="person-heading" title={t("personHeading")}>
        <Field
          label={account("name")}
          help={t("asEidStates")}
          value={identity.name}
          testId="eid-name"
          mono={false}
        />
        {identity.birthdate ? (
          <Field
            label={account("dateOfBirth")}
            help={t("asEidStates")}
            value={<CalendarDate value={identity.birthdate} />}
            testId="eid-birthdate"
          />
        ) : null}
        {identity.country ? (
          <Field
            label={t("country")}
            help={t("countryHelp")}
            value={identity.country}
            testId="eid-country"
            mono={false}
          />
        ) : null}
      </Section>
      {identity.business ? (
        <Section id="business-heading" title={t("businessHeading")}>
          <Field label={t("cvr")} help={t("cvrHelp")} value={identity.business.cvr} testId="eid-cvr" />
          {identity.business.companyName ? (
            <Field
              label={t("company")}
              help={t("companyHelp")}
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
