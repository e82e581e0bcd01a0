import { getTranslations } from "next-intl/server";

import type { NordicEidIdentity } from "./identity";

import { CalendarDate, loginAttributes, Permits } from "@/components/account/fields";
import { AttributeSection } from "@/components/ui/attribute-list";

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
      <AttributeSection
        id="login-heading"
        title={account("thisLogin")}
        attributes={[
          ...(await loginAttributes(
            identity.provider === "idura-bankid" ? t("providerBankIdQr") : eid(identity.eid),
            identity.loginAt,
          )),
          {
            label: t("method"),
            help: t("methodHelp"),
            value: <span data-acr={identity.acr}>{t("methodName", { method: methodOf(identity.acr) })}</span>,
            testId: "eid-acr",
            mono: false,
          },
          identity.loa && {
            label: t("assurance"),
            help: t("assuranceHelp"),
            value: t("level", { level: identity.loa }),
            testId: "eid-loa",
            mono: false,
          },
        ]}
      />
      <AttributeSection
        id="person-heading"
        title={t("personHeading")}
        attributes={[
          {
            label: account("name"),
            help: t("asEidStates"),
            value: identity.name,
            testId: "eid-name",
            mono: false,
          },
          identity.birthdate && {
            label: account("dateOfBirth"),
            help: t("asEidStates"),
            value: <CalendarDate value={identity.birthdate} />,
            testId: "eid-birthdate",
          },
          identity.country && {
            label: t("country"),
            help: t("countryHelp"),
            value: identity.country,
            testId: "eid-country",
            mono: false,
          },
        ]}
      />
      {identity.business ? (
        <AttributeSection
          id="business-heading"
          title={t("businessHeading")}
          attributes={[
            { label: t("cvr"), help: t("cvrHelp"), value: identity.business.cvr, testId: "eid-cvr" },
            identity.business.companyName && {
              label: t("company"),
              help: t("companyHelp"),
              value: identity.business.companyName,
              testId: "eid-company",
              mono: false,
            },
          ]}
        />
      ) : null}
    </>
  );
}
