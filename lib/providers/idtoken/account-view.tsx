import { getFormatter, getTranslations } from "next-intl/server";

import type { IdtIdentity } from "./identity";

import { CalendarDate, loginAttributes, Permits } from "@/components/account/fields";
import { AttributeSection } from "@/components/ui/attribute-list";

/** IDToken's scopes the page can name (docs/providers/idtoken.md); others are shown as sent. */
const SCOPE_NAMES = {
  "identity:basic": "basic",
  "identity:name": "name",
  "identity:date_of_birth": "date_of_birth",
  "identity:age_over_18": "age_over_18",
  "identity:nationality": "nationality",
  "identity:document": "document",
  "identity:trust_level": "trust_level",
} as const;

/** What the IDToken holder chose to share on their phone; a claim not granted is not shown. */
export async function IdtIdentityView({ identity }: { identity: IdtIdentity }) {
  const t = await getTranslations("IdTokenIdentity");
  const account = await getTranslations("Account");
  const common = await getTranslations("Common");
  const format = await getFormatter();
  const shared = format.list(
    identity.grantedScopes.map((scope) =>
      Object.hasOwn(SCOPE_NAMES, scope)
        ? t("scopeName", { scope: SCOPE_NAMES[scope as keyof typeof SCOPE_NAMES] })
        : scope,
    ),
    { type: "conjunction" },
  );
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {t("role")}
      </p>
      <Permits>{account("permitsOther")}</Permits>
      <AttributeSection
        id="login-heading"
        title={account("thisLogin")}
        attributes={[
          ...(await loginAttributes("IDToken", identity.loginAt)),
          { label: t("tokenId"), help: t("tokenIdHelp"), value: identity.subject, testId: "idtoken-subject" },
          {
            label: t("shared"),
            help: t("sharedHelp"),
            value: <span data-scopes={identity.grantedScopes.join(" ")}>{shared || t("sharedNothing")}</span>,
            testId: "idtoken-scopes",
            mono: false,
          },
        ]}
      />
      <AttributeSection
        id="claims-heading"
        title={t("claimsHeading")}
        attributes={[
          identity.name && {
            label: account("name"),
            help: t("fromApp"),
            value: `${identity.name.given} ${identity.name.family}`,
            testId: "idtoken-name",
            mono: false,
          },
          identity.dateOfBirth && {
            label: account("dateOfBirth"),
            help: t("fromApp"),
            value: <CalendarDate value={identity.dateOfBirth} />,
            testId: "idtoken-date-of-birth",
          },
          identity.nationality && {
            label: t("nationality"),
            help: t("fromApp"),
            value: identity.nationality,
            testId: "idtoken-nationality",
          },
          identity.ageOver18 !== undefined && {
            label: t("over18"),
            help: t("fromApp"),
            value: identity.ageOver18 ? common("yes") : common("no"),
            testId: "idtoken-age-over-18",
            mono: false,
          },
          identity.documentNumber && {
            label: t("document"),
            help: t("fromApp"),
            value: identity.documentNumber,
            testId: "idtoken-document",
          },
          identity.trustLevel && {
            label: t("trustLevel"),
            help: t("fromApp"),
            value: t("trustLevelName", { level: identity.trustLevel }),
            testId: "idtoken-trust-level",
            mono: false,
          },
        ]}
      />
    </>
  );
}
