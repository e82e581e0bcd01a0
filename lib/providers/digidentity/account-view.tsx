import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { SermiIdentity } from "./identity";

import { Field, LoginFields, Permits, Section } from "@/components/account/fields";

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
      <Section id="login-heading" title={account("thisLogin")}>
        <LoginFields provider={t(PROVIDER_LABEL[identity.provider])} loginAt={identity.loginAt} />
        <Field label={t("subject")} help={t("subjectHelp")} value={identity.subject} testId="uid-sub" />
      </Section>
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
        <Section id="rsse-heading" title={t("rsseHeading")}>
          <Field
            label={t("rssUid")}
            help={t("rssUidHelp")}
            value={identity.rsse.rssuid}
            testId="uid-rssuid"
          />
          <Field
            label={t("rsseUid")}
            help={t("rsseUidHelp")}
            value={identity.rsse.rsseuid}
            testId="uid-rsseuid"
          />
        </Section>
      ) : null}
      <Section id="ioe-heading" title={identity.rsse ? t("ioeHeadingRsse") : t("ioeHeading")}>
        <Field label={t("cabUid")} help={t("cabUidHelp")} value={identity.ioe.cabuid} testId="uid-cabuid" />
        <Field label={t("ioUid")} help={t("ioUidHelp")} value={identity.ioe.iouid} testId="uid-iouid" />
        <Field label={t("ioeUid")} help={t("ioeUidHelp")} value={identity.ioe.ioeuid} testId="uid-ioeuid" />
      </Section>
    </>
  );
}
