import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { loginErrorProvider } from "@/lib/login-failure/provider-names";
import { requireProviderSettings } from "@/lib/providers/settings";
import { ClientMessages } from "@/lib/i18n/client-messages";

import { tokenIdSchema } from "@/lib/providers/idtoken/input";
import { REMEMBERED_TOKEN_COOKIE } from "@/lib/providers/idtoken/login-state";

import { IdtLogin } from "./idtoken-login";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("loginIdToken") };
}

export default async function IdtLoginPage() {
  requireProviderSettings("idtoken");
  const t = await getTranslations("IdTokenLogin");
  const remembered = tokenIdSchema.safeParse((await cookies()).get(REMEMBERED_TOKEN_COOKIE)?.value);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <ClientMessages namespaces={["IdTokenLogin", "LoginErrors"]}>
        <IdtLogin
          rememberedTokenId={remembered.success ? remembered.data : undefined}
          providerName={loginErrorProvider("idtoken")}
        />
      </ClientMessages>
    </div>
  );
}
