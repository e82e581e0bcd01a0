import { getTranslations } from "next-intl/server";

import type { NordicEidIdentity } from "@/lib/identity";

import { CalendarDate, Field, LoginFields, Section } from "@/components/account/fields";

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
      <Section id="login-heading" title={account("thisLogin")}>
        <LoginFields
          provider={identity.provider === "idura-bankid" ? t("providerBankIdQr") : eid(identity.eid)}
          loginAt={identity.loginAt}
        />
        <Field label={t("method")} help={t("methodHelp")} value={identity.acr} testId="eid-acr" />
        {identity.loa ? (
          <Field
            label={t("assurance")}
            help={t("assuranceHelp")}
            value={identity.loa}
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
