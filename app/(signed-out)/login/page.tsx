import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { getTranslations } from "next-intl/server";

import { SIGNED_OUT_COOKIE } from "@/app/signed-out";

import { deviceOf } from "@/lib/device";
import { enabledModules } from "@/lib/providers/registry";
import { LOGIN_GROUPS, type LoginGroup } from "@/lib/providers/types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("login") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The logins this deployment offers, grouped: its SERMI eID first, then the other eIDs by scheme.
 * Each module draws its own choices (lib/providers/<provider>/login-card.tsx); a group reached
 * by two modules tells each card so, and the card says why one would pick it.
 */
export default async function LoginPage({ searchParams }: Props) {
  const { problem } = await searchParams;
  const t = await getTranslations("Login");
  const shown = typeof problem === "string" ? problem : undefined;
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const signedOut = jar.get(SIGNED_OUT_COOKIE)?.value === "1";
  const device = deviceOf(requestHeaders);

  const placed = (await enabledModules()).flatMap((m) =>
    m.loginPlacement.map((placement, index) => ({ id: `${m.key}-${index}`, module: m.key, ...placement })),
  );
  const groups = LOGIN_GROUPS.map((group) => ({
    group,
    cards: placed.filter((p) => p.group === group),
  })).filter((g) => g.cards.length > 0);
  const lead = groups[0]?.group === "sermi" ? groups[0] : undefined;
  const others = lead ? groups.slice(1) : groups;

  const cardsOf = ({ group, cards }: { group: LoginGroup; cards: typeof placed }) => {
    const alongside = new Set(cards.map((c) => c.module)).size > 1;
    return cards.map(({ id, Card }) => (
      <Card key={`${group}-${id}`} problem={shown} device={device} alongside={alongside} />
    ));
  };

  return (
    <div className="space-y-10" data-device={device}>
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
        <p className="mt-2 max-w-2xl text-slate-600">{lead ? t("introSermi") : t("introOther")}</p>
      </div>
      {lead ? (
        <section
          aria-labelledby="login-group-sermi"
          data-testid="login-group-sermi"
          className="rounded-2xl border-2 border-brand-600 bg-brand-50/40 p-4 sm:p-6"
        >
          <h2 id="login-group-sermi" className="text-2xl font-semibold tracking-tight">
            {t("groups.sermi.heading")}
          </h2>
          <p className="mt-1 max-w-2xl text-slate-700">{t("groups.sermi.body")}</p>
          <div className="mt-5 grid gap-6 md:grid-cols-2">{cardsOf(lead)}</div>
        </section>
      ) : null}
      {others.length > 0 ? (
        <div className="space-y-8">
          {lead ? (
            <p className="max-w-2xl border-t border-slate-200 pt-6 text-slate-600">
              <span className="block text-lg font-medium text-slate-900">{t("othersHeading")}</span>
              {t("othersBody")}
            </p>
          ) : null}
          {others.map((g) => {
            return (
              <section
                key={g.group}
                aria-labelledby={`login-group-${g.group}`}
                data-testid={`login-group-${g.group}`}
                className="space-y-4"
              >
                <div>
                  <h2 id={`login-group-${g.group}`} className="text-xl font-semibold tracking-tight">
                    {t(`groups.${g.group}.heading`)}
                  </h2>
                  {new Set(g.cards.map((c) => c.module)).size > 1 ? (
                    <p className="mt-1 max-w-2xl text-slate-600">{t(`groups.${g.group}.twoRoutes`)}</p>
                  ) : null}
                </div>
                <div className="grid gap-6 md:grid-cols-2">{cardsOf(g)}</div>
              </section>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
