import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { loginWithDigidentity } from "./actions";

/** Digidentity's two ways in: the website, and the app scanning a QR code. */
export async function DigidentityLoginCard() {
  const t = await getTranslations("Login");
  return (
    <>
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
    </>
  );
}
