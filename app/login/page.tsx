import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";

import { IDURA_LOGIN_EIDS, type IduraLoginEid } from "@/lib/providers/idura/web";

import { loginWithDigidentity, loginWithIdura } from "./actions";
import { MitidLoginChoices } from "@/lib/providers/signicat/login-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("login") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const session = await auth();
  if (session?.identity) redirect("/account");
  const { problem } = await searchParams;
  const t = await getTranslations("Login");
  const eid = await getTranslations("Eid");

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-2xl text-slate-600">{t("intro")}</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="web-login"
        >
          <h2 id="web-login" className="text-lg font-semibold">
            {t("webHeading")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("webBody")}</p>
          <form action={loginWithDigidentity} className="mt-6">
            <button
              type="submit"
              data-testid="login-digidentity"
              className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700"
            >
              {t("webButton")}
            </button>
          </form>
        </section>
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="qr-login"
        >
          <h2 id="qr-login" className="text-lg font-semibold">
            {t("qrHeading")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("qrBody")}</p>
          <Link
            href="/login/qr"
            data-testid="login-qr"
            className="mt-6 block w-full rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50"
          >
            {t("qrButton")}
          </Link>
        </section>
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="idtoken-login"
        >
          <h2 id="idtoken-login" className="text-lg font-semibold">
            {t("idTokenHeading")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("idTokenBody")}</p>
          <Link
            href="/login/idtoken"
            className="mt-6 block w-full rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50"
          >
            {t("idTokenButton")}
          </Link>
        </section>
        <section
          className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
          aria-labelledby="idura-login"
        >
          <h2 id="idura-login" className="text-lg font-semibold">
            {t("iduraHeading")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{t("iduraBody")}</p>
          <form action={loginWithIdura} className="mt-6 grid gap-2">
            {(Object.keys(IDURA_LOGIN_EIDS) as IduraLoginEid[]).map((key) => (
              <button
                key={key}
                type="submit"
                name="eid"
                value={key}
                className="w-full rounded-lg border border-brand-600 px-4 py-2.5 font-medium text-brand-700 hover:bg-brand-50"
              >
                {t("iduraButton", { eid: eid(key) })}
              </button>
            ))}
          </form>
          <Link
            href="/login/bankid"
            className="mt-2 block w-full rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50"
          >
            {t("bankIdQrLink")}
          </Link>
        </section>
      </div>
      <MitidLoginChoices problem={typeof problem === "string" ? problem : undefined} />
    </div>
  );
}
