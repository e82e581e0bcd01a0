import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { loginErrorProvider } from "@/lib/login-failure/provider-names";

import { requireProviderSettings } from "@/lib/providers/registry";
import { ClientMessages } from "@/lib/i18n/client-messages";

import { CustomerVerification } from "./customer-verification";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("agentVerify") };
}

/** For call-centre agents: ask a caller to confirm who they are with BankID on their phone (CIBA). */
export default async function VerifyCallerPage() {
  // Call-centre verification is Idura's CIBA: a deployment without Idura has no such page.
  requireProviderSettings("idura");
  const t = await getTranslations("AgentVerify");
  return (
    <div className="mx-auto max-w-xl">
      <p className="mb-4 text-sm">
        <Link
          href="/account"
          className="text-brand-700 underline underline-offset-2"
          data-testid="agent-back"
        >
          <span aria-hidden="true">← </span>
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      <ClientMessages namespaces={["AgentVerify", "LoginErrors"]}>
        <CustomerVerification providerName={loginErrorProvider("idura")} />
      </ClientMessages>
    </div>
  );
}
