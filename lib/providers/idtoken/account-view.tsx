import { getTranslations } from "next-intl/server";

import type { IdtIdentity } from "@/lib/identity";

import { CalendarDate, Field, LoginFields, Section } from "@/components/account/fields";

/** What the IDToken holder chose to share on their phone; a claim not granted is not shown. */
export async function IdtIdentityView({ identity }: { identity: IdtIdentity }) {
  const t = await getTranslations("IdTokenIdentity");
  const account = await getTranslations("Account");
  const common = await getTranslations("Common");
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {t("role")}
      </p>
      <Section id="login-heading" title={account("thisLogin")}>
        <LoginFields provider="IDToken" loginAt={identity.loginAt} />
        <Field
          label={t("tokenId")}
          help={t("tokenIdHelp")}
          value={identity.subject}
          testId="idtoken-subject"
        />
        <Field
          label={t("shared")}
          help={t("sharedHelp")}
          value={identity.grantedScopes.join(" ")}
          testId="idtoken-scopes"
        />
      </Section>
      <Section id="claims-heading" title={t("claimsHeading")}>
        {identity.name ? (
          <Field
            label={account("name")}
            help="identity:name"
            value={`${identity.name.given} ${identity.name.family}`}
            testId="idtoken-name"
            mono={false}
          />
        ) : null}
        {identity.dateOfBirth ? (
          <Field
            label={account("dateOfBirth")}
            help="identity:date_of_birth"
            value={<CalendarDate value={identity.dateOfBirth} />}
            testId="idtoken-date-of-birth"
          />
        ) : null}
        {identity.nationality ? (
          <Field
            label={t("nationality")}
            help="identity:nationality"
            value={identity.nationality}
            testId="idtoken-nationality"
          />
        ) : null}
        {identity.ageOver18 !== undefined ? (
          <Field
            label={t("over18")}
            help="identity:age_over_18"
            value={identity.ageOver18 ? common("yes") : common("no")}
            testId="idtoken-age-over-18"
            mono={false}
          />
        ) : null}
        {identity.documentNumber ? (
          <Field
            label={t("document")}
            help="identity:document"
            value={identity.documentNumber}
            testId="idtoken-document"
          />
        ) : null}
        {identity.trustLevel ? (
          <Field
            label={t("trustLevel")}
            help="identity:trust_level"
            value={identity.trustLevel}
            testId="idtoken-trust-level"
            mono={false}
          />
        ) : null}
      </Section>
    </>
  );
}
