import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { auth } from "@/auth";
import type { SermiIdentity } from "@/lib/identity";

import { logOut } from "./actions";

export const metadata: Metadata = { title: "Your account" };

const PROVIDER_LABEL: Record<SermiIdentity["provider"], string> = {
  digidentity: "Digidentity (web login)",
  "digidentity-qr": "Digidentity app (QR code)",
};

function UidRow({
  label,
  help,
  value,
  testId,
}: {
  label: string;
  help: string;
  value: string;
  testId: string;
}) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="block text-slate-500">{help}</span>
      </dt>
      <dd className="break-all font-mono text-sm sm:col-span-2" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default async function AccountPage() {
  const session = await auth();
  const identity = session?.identity;
  if (!identity) redirect("/login");

  const loginAt = new Date(identity.loginAt);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
          <p className="mt-2 text-slate-600" data-testid="account-role">
            {identity.role === "RSSE"
              ? "You are logged in as a remote service supplier employee (RSSE), acting with chain authorisation for an independent operator employee (IOE)."
              : "You are logged in as an independent operator employee (IOE)."}
          </p>
        </div>
        <form action={logOut}>
          <button
            type="submit"
            data-testid="sign-out"
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100"
          >
            Sign out
          </button>
        </form>
      </div>

      <section
        className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        aria-labelledby="login-heading"
      >
        <h2 id="login-heading" className="text-lg font-semibold">
          This login
        </h2>
        <dl className="mt-2 divide-y divide-slate-100">
          <UidRow
            label="Logged in with"
            help="The eID service that vouched for you"
            value={PROVIDER_LABEL[identity.provider]}
            testId="login-provider"
          />
          <UidRow
            label="Logged in at"
            help="Time of this login (UTC)"
            value={`${loginAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
            testId="login-time"
          />
          <UidRow
            label="Subject"
            help="Your pseudonymous Digidentity identifier"
            value={identity.subject}
            testId="uid-sub"
          />
        </dl>
      </section>

      {identity.rsse ? (
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="rsse-heading"
        >
          <h2 id="rsse-heading" className="text-lg font-semibold">
            You (remote service supplier employee)
          </h2>
          <dl className="mt-2 divide-y divide-slate-100">
            <UidRow
              label="RSS UID"
              help="The remote service supplier you work for"
              value={identity.rsse.rssuid}
              testId="uid-rssuid"
            />
            <UidRow
              label="RSSE UID"
              help="Your own SERMI authorisation as its employee"
              value={identity.rsse.rsseuid}
              testId="uid-rsseuid"
            />
          </dl>
        </section>
      ) : null}

      <section
        className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        aria-labelledby="ioe-heading"
      >
        <h2 id="ioe-heading" className="text-lg font-semibold">
          {identity.rsse ? "The IOE you act for (chain authorisation)" : "Your SERMI authorisation"}
        </h2>
        <dl className="mt-2 divide-y divide-slate-100">
          <UidRow
            label="CAB UID"
            help="The conformity assessment body that verified and authorised the IOE"
            value={identity.ioe.cabuid}
            testId="uid-cabuid"
          />
          <UidRow
            label="IO UID"
            help="The independent operator (workshop or company)"
            value={identity.ioe.iouid}
            testId="uid-iouid"
          />
          <UidRow
            label="IOE UID"
            help="The employee's SERMI authorisation"
            value={identity.ioe.ioeuid}
            testId="uid-ioeuid"
          />
        </dl>
      </section>
    </div>
  );
}
