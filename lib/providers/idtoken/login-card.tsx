import { getTranslations } from "next-intl/server";

import { Card } from "@/components/ui/card";
import { PendingLink } from "@/components/ui/pending-link";

/** IDToken: the login continues on its own page (token id, one-time code, approval). */
export async function IdtLoginCard() {
  const t = await getTranslations("Login");
  return (
    <Card as="section" aria-labelledby="idtoken-login">
      <h3 id="idtoken-login" className="text-lg font-semibold">
        {t("idTokenHeading")}
      </h3>
      <p className="mt-2 text-sm text-slate-600">{t("idTokenBody")}</p>
      <PendingLink href="/login/idtoken" className="mt-6 block w-full">
        {t("idTokenButton")}
      </PendingLink>
    </Card>
  );
}
