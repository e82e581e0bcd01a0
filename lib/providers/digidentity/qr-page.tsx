import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { loginErrorProvider } from "@/lib/login-failure/provider-names";
import { requireProviderSettings } from "@/lib/providers/settings";
import { ClientMessages } from "@/lib/i18n/client-messages";

import { QrLogin } from "./qr-login";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("loginQr") };
}

export default async function QrLoginPage() {
  requireProviderSettings("digidentity");
  const t = await getTranslations("QrLogin");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <ClientMessages namespaces={["QrLogin", "LoginErrors"]}>
        <QrLogin providerName={loginErrorProvider("digidentity-qr")} />
      </ClientMessages>
    </div>
  );
}
