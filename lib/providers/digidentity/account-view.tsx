import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { SermiIdentity } from "./identity";

import { loginAttributes, Permits } from "@/components/account/fields";
import { AttributeSection } from "@/components/ui/attribute-list";

const PROVIDER_LABEL = {
  digidentity: "providerWeb",
  "digidentity-qr": "providerQr",
} as const satisfies Record<SermiIdentity["provider"], string>;

/** SERMI UID attributes: the IOE set, or the RSSE set with the IOE it acts for. */
export async function SermiIdentityView({ identity }: { identity: SermiIdentity }) {
  const t = await getTranslations("SermiIdentity");
  const account = await getTranslations("Account");
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {identity.role === "RSSE" ? t("roleRsse") : t("roleIoe")}
      </p>
      <Permits>{identity.rsse ? t("permitsRsse") : t("permitsIoe")}</Permits>
      <AttributeSection
        id="login-heading"
        title={account("thisLogin")}
        attributes={[
          ...(await loginAttributes(t(PROVIDER_LABEL[identity.provider]), identity.loginAt)),
          { label: t("subject"), help: t("subjectHelp"), value: identity.subject, testId: "uid-sub" },
        ]}
      />
      {identity.reportPseudonym ? (
        <p>
          <Link
            href="/account/report"
            data-testid="report-link"
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            {t("reportLink")}
          </Link>
        </p>
      ) : null}
      {identity.rsse ? (
        <AttributeSection
          id="rsse-heading"
          title={t("rsseHeading")}
          attributes={[
            { label: t("rssUid"), help: t("rssUidHelp"), value: identity.rsse.rssuid, testId: "uid-rssuid" },
            {
              label: t("rsseUid"),
              help: t("rsseUidHelp"),
              value: identity.rsse.rsseuid,
              testId: "uid-rsseuid",
            },
          ]}
        />
      ) : null}
      <AttributeSection
        id="ioe-heading"
        title={identity.rsse ? t("ioeHeadingRsse") : t("ioeHeading")}
        attributes={[
          { label: t("cabUid"), help: t("cabUidHelp"), value: identity.ioe.cabuid, testId: "uid-cabuid" },
          { label: t("ioUid"), help: t("ioUidHelp"), value: identity.ioe.iouid, testId: "uid-iouid" },
          { label: t("ioeUid"), help: t("ioeUidHelp"), value: identity.ioe.ioeuid, testId: "uid-ioeuid" },
        ]}
      />
    </>
  );
}
