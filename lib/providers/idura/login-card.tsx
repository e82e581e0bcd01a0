import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { loginWithIdura } from "./actions";
import { IDURA_LOGIN_EIDS, type IduraLoginEid } from "./web";

/** Idura: one button per eID, and the headless BankID page with its animated QR code. */
export async function IduraLoginCard() {
  const t = await getTranslations("Login");
  const eid = await getTranslations("Eid");
  return (
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
  );
}

/** The call-centre page, for agents of a deployment that has Idura. */
export async function IduraAccountLinks() {
  const t = await getTranslations("Account");
  return (
    <p className="text-sm">
      <Link href="/agent/verify" className="text-brand-700 underline underline-offset-2">
        {t("agentLink")}
      </Link>
    </p>
  );
}
