import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { auth } from "@/auth";

import { IDURA_LOGIN_EIDS } from "@/lib/providers/idura";

import { loginWithDigidentity, loginWithIdura } from "./actions";
import { MitidLoginChoices } from "./mitid-login";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const session = await auth();
  if (session?.identity) redirect("/account");
  const { problem } = await searchParams;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Log in to the RMI portal</h1>
        <p className="mt-2 max-w-2xl text-slate-600">
          Access to security-related repair and maintenance information requires a SERMI-registered eID: log
          in with your Digidentity account for it. You can also log in with IDToken, with MitID through
          Signicat, or with a Nordic eID through Idura, below.
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="web-login"
        >
          <h2 id="web-login" className="text-lg font-semibold">
            On the Digidentity website
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            You go to Digidentity, confirm with your PIN and come straight back here.
          </p>
          <form action={loginWithDigidentity} className="mt-6">
            <button
              type="submit"
              data-testid="login-digidentity"
              className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700"
            >
              Log in with Digidentity
            </button>
          </form>
        </section>
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="qr-login"
        >
          <h2 id="qr-login" className="text-lg font-semibold">
            With the Digidentity app
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            Scan a QR code with your phone and enter your PIN in the app. No password needed.
          </p>
          <Link
            href="/login/qr"
            data-testid="login-qr"
            className="mt-6 block w-full rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50"
          >
            Log in with QR code
          </Link>
        </section>
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="idtoken-login"
        >
          <h2 id="idtoken-login" className="text-lg font-semibold">
            With IDToken
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            Enter your token ID, compare the code with your phone and approve there.
          </p>
          <Link
            href="/login/idtoken"
            className="mt-6 block w-full rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50"
          >
            Log in with IDToken
          </Link>
        </section>
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="idura-login"
        >
          <h2 id="idura-login" className="text-lg font-semibold">
            With a Nordic eID
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            Danish MitID, Swedish or Norwegian BankID, through Idura.
          </p>
          <form action={loginWithIdura} className="mt-6 grid gap-2">
            {Object.entries(IDURA_LOGIN_EIDS).map(([eid, { label }]) => (
              <button
                key={eid}
                type="submit"
                name="eid"
                value={eid}
                className="w-full rounded-lg border border-brand-600 px-4 py-2.5 font-medium text-brand-700 hover:bg-brand-50"
              >
                Log in with {label} via Idura
              </button>
            ))}
          </form>
          <Link
            href="/login/bankid"
            className="mt-2 block w-full rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50"
          >
            Swedish BankID QR code on this page
          </Link>
        </section>
      </div>
      <MitidLoginChoices problem={typeof problem === "string" ? problem : undefined} />
    </div>
  );
}
