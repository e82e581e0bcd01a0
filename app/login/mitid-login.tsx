import { getTranslations } from "next-intl/server";

import { loginWithMitid } from "./actions";

const PROBLEMS = { cpr: "problemCpr", cvr: "problemCvr", form: "problemForm" } as const;

const card = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
const primary = "mt-4 w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700";
const input = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-mono";

/** The four MitID choices Signicat offers this portal. Only known problems are ever shown. */
export async function MitidLoginChoices({ problem }: { problem?: string }) {
  const t = await getTranslations("MitidLogin");
  const message =
    problem && Object.hasOwn(PROBLEMS, problem) ? t(PROBLEMS[problem as keyof typeof PROBLEMS]) : undefined;
  return (
    <section aria-labelledby="mitid" className="space-y-4">
      <div>
        <h2 id="mitid" className="text-2xl font-semibold tracking-tight">
          {t("heading")}
        </h2>
        <p className="mt-1 max-w-2xl text-slate-600">{t("intro")}</p>
      </div>
      {message ? (
        <p
          role="alert"
          data-testid="login-problem"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-800"
        >
          {message}
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-private">
          <input type="hidden" name="flow" value="mitid" />
          <h3 id="mitid-private" className="text-lg font-semibold">
            {t("privateHeading")}
          </h3>
          <p className="mt-2 text-sm text-slate-600">{t("privateBody")}</p>
          <button type="submit" data-testid="login-mitid" className={primary}>
            {t("privateButton")}
          </button>
        </form>
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-cpr">
          <input type="hidden" name="flow" value="cpr" />
          <h3 id="mitid-cpr" className="text-lg font-semibold">
            {t("cprHeading")}
          </h3>
          <p className="mt-2 text-sm text-slate-600">{t("cprBody")}</p>
          <label htmlFor="mitid-cpr-number" className="mt-3 block text-sm font-medium">
            {t("cprLabel")}
          </label>
          <input
            id="mitid-cpr-number"
            name="cpr"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            placeholder={t("cprPlaceholder")}
            className={input}
          />
          <button type="submit" data-testid="login-mitid-cpr" className={primary}>
            {t("cprButton")}
          </button>
        </form>
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-business">
          <input type="hidden" name="flow" value="business" />
          <h3 id="mitid-business" className="text-lg font-semibold">
            {t("businessHeading")}
          </h3>
          <p className="mt-2 text-sm text-slate-600">{t("businessBody")}</p>
          <button type="submit" data-testid="login-mitid-business" className={primary}>
            {t("businessButton")}
          </button>
        </form>
        <form action={loginWithMitid} className={card} aria-labelledby="mitid-company">
          <input type="hidden" name="flow" value="company" />
          <h3 id="mitid-company" className="text-lg font-semibold">
            {t("companyHeading")}
          </h3>
          <p className="mt-2 text-sm text-slate-600">{t("companyBody")}</p>
          <label htmlFor="mitid-company-cvr" className="mt-3 block text-sm font-medium">
            {t("companyLabel")}
          </label>
          <input
            id="mitid-company-cvr"
            name="cvr"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            className={input}
          />
          <button type="submit" data-testid="login-mitid-company" className={primary}>
            {t("companyButton")}
          </button>
        </form>
      </div>
    </section>
  );
}
