import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";

import { deviceOf } from "@/lib/device";

import { loginErrorProvider } from "@/lib/login-failure/provider-names";
import { requireProviderSettings } from "@/lib/providers/settings";
import { ClientMessages } from "@/lib/i18n/client-messages";

import { BankIdLogin } from "./bankid-login";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("loginBankId") };
}

export default async function BankIdLoginPage() {
  requireProviderSettings("idura");
  const t = await getTranslations("BankIdLogin");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <ClientMessages namespaces={["BankIdLogin", "LoginErrors"]}>
        <BankIdLogin
          providerName={loginErrorProvider("idura-bankid")}
          phone={deviceOf(await headers()) === "phone"}
        />
      </ClientMessages>
    </div>
  );
}
