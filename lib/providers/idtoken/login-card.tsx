import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** IDToken: the login continues on its own page (token id, one-time code, approval). */
export async function IdtokenLoginCard() {
  const t = await getTranslations("Login");
  return (
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
  );
}
