import Link from "next/link";

import type { SermiIdentity } from "@/lib/identity";

import { Field, LoginFields, Section } from "./fields";

const PROVIDER_LABEL: Record<SermiIdentity["provider"], string> = {
  digidentity: "Digidentity (web login)",
  "digidentity-qr": "Digidentity app (QR code)",
};

/** SERMI UID attributes: the IOE set, or the RSSE set with the IOE it acts for. */
export function SermiIdentityView({ identity }: { identity: SermiIdentity }) {
  return (
    <>
      <p className="text-slate-600" data-testid="account-role">
        {identity.role === "RSSE"
          ? "You are logged in as a remote service supplier employee (RSSE), acting with chain authorisation for an independent operator employee (IOE)."
          : "You are logged in as an independent operator employee (IOE)."}
      </p>
      <Section id="login-heading" title="This login">
        <LoginFields provider={PROVIDER_LABEL[identity.provider]} loginAt={identity.loginAt} />
        <Field
          label="Subject"
          help="Your pseudonymous Digidentity identifier"
          value={identity.subject}
          testId="uid-sub"
        />
      </Section>
      {identity.reportPseudonym ? (
        <p>
          <Link
            href="/account/report"
            data-testid="report-link"
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            View your identity verification report
          </Link>
        </p>
      ) : null}
      {identity.rsse ? (
        <Section id="rsse-heading" title="You (remote service supplier employee)">
          <Field
            label="RSS UID"
            help="The remote service supplier you work for"
            value={identity.rsse.rssuid}
            testId="uid-rssuid"
          />
          <Field
            label="RSSE UID"
            help="Your own SERMI authorisation as its employee"
            value={identity.rsse.rsseuid}
            testId="uid-rsseuid"
          />
        </Section>
      ) : null}
      <Section
        id="ioe-heading"
        title={identity.rsse ? "The IOE you act for (chain authorisation)" : "Your SERMI authorisation"}
      >
        <Field
          label="CAB UID"
          help="The conformity assessment body that verified and authorised the IOE"
          value={identity.ioe.cabuid}
          testId="uid-cabuid"
        />
        <Field
          label="IO UID"
          help="The independent operator (workshop or company)"
          value={identity.ioe.iouid}
          testId="uid-iouid"
        />
        <Field
          label="IOE UID"
          help="The employee's SERMI authorisation"
          value={identity.ioe.ioeuid}
          testId="uid-ioeuid"
        />
      </Section>
    </>
  );
}
