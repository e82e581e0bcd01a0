import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";

import { logOut } from "./actions";
import { MitidIdentityView } from "@/lib/providers/signicat/account-view";
import { IdTokenIdentityView } from "@/lib/providers/idtoken/account-view";
import { NordicEidIdentityView } from "@/lib/providers/idura/account-view";
import { SermiIdentityView } from "@/lib/providers/digidentity/account-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("account") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const { problem } = await searchParams;
  const session = await auth();
  const identity = session?.identity;
  if (!identity) redirect("/login");
  const t = await getTranslations("Account");

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <form action={logOut}>
          <button
            type="submit"
            data-testid="sign-out"
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100"
          >
            {t("signOut")}
          </button>
        </form>
      </div>
      <p className="text-sm">
        <Link href="/agent/verify" className="text-brand-700 underline underline-offset-2">
          {t("agentLink")}
        </Link>
      </p>
      {/* One view per kind of identity; each provider brings its own. */}
      {identity.kind === "sermi" ? <SermiIdentityView identity={identity} /> : null}
      {identity.kind === "mitid" ? (
        <MitidIdentityView identity={identity} problem={typeof problem === "string" ? problem : undefined} />
      ) : null}
      {identity.kind === "idtoken" ? <IdTokenIdentityView identity={identity} /> : null}
      {identity.kind === "nordic-eid" ? <NordicEidIdentityView identity={identity} /> : null}
    </div>
  );
}
