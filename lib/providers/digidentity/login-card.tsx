import { getTranslations } from "next-intl/server";

import { Card } from "@/components/ui/card";
import { PendingLink } from "@/components/ui/pending-link";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LoginCardProps } from "@/lib/providers/types";

import { loginWithDigidentity } from "./actions";

/**
 * Digidentity's two ways in. On a computer the app (scanning a QR code) comes first: no
 * password, and the phone in the person's pocket. On a phone, which cannot scan its own screen,
 * the website comes first and the app route says it opens the app on this phone.
 */
export async function DigidentityLoginCard({ device }: LoginCardProps) {
  const t = await getTranslations("Login");
  const phone = device === "phone";
  const web = (
    <Card as="section" aria-labelledby="web-login" key="web">
      <h3 id="web-login" className="text-lg font-semibold">
        {t("webHeading")}
      </h3>
      <p className="mt-2 text-sm text-slate-600">{t("webBody")}</p>
      <form action={loginWithDigidentity} className="mt-6">
        <SubmitButton
          data-testid="login-digidentity"
          variant={phone ? "primary" : "secondary"}
          className="w-full"
        >
          {t("webButton")}
        </SubmitButton>
      </form>
    </Card>
  );
  const app = (
    <Card as="section" aria-labelledby="qr-login" key="app">
      <h3 id="qr-login" className="text-lg font-semibold">
        {phone ? t("appHeadingPhone") : t("qrHeading")}
      </h3>
      <p className="mt-2 text-sm text-slate-600">{phone ? t("appBodyPhone") : t("qrBody")}</p>
      <PendingLink
        href="/login/qr"
        data-testid="login-qr"
        variant={phone ? "secondary" : "primary"}
        className="mt-6 block w-full"
      >
        {phone ? t("appButtonPhone") : t("qrButton")}
      </PendingLink>
    </Card>
  );
  return phone ? [web, app] : [app, web];
}
