import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { SIGNED_OUT_COOKIE } from "@/app/signed-out";

import { enabledModules } from "@/lib/providers/registry";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("login") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every login this deployment offers, each drawn by its provider's module. */
export default async function LoginPage({ searchParams }: Props) {
  const { problem } = await searchParams;
  const t = await getTranslations("Login");
  const modules = enabledModules();
  const shown = typeof problem === "string" ? problem : undefined;
  const signedOut = (await cookies()).get(SIGNED_OUT_COOKIE)?.value === "1";

  return (
    <div className="space-y-8">
      {signedOut ? (
        <p
          role="status"
          data-testid="signed-out"
          className="rounded-lg border border-green-200 bg-green-50 p-3 text-green-900"
        >
          {t("signedOut")}
        </p>
      ) : null}
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-2xl text-slate-600">{t("intro")}</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {modules
          .filter((m) => m.loginPlacement === "card")
          .map(({ key, LoginCard }) => (
            <LoginCard key={key} problem={shown} />
          ))}
      </div>
      {modules
        .filter((m) => m.loginPlacement === "section")
        .map(({ key, LoginCard }) => (
          <LoginCard key={key} problem={shown} />
        ))}
    </div>
  );
}
