import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { loginErrorProvider } from "@/lib/login-failure/provider-names";

import { isCallCentreAgent } from "@/lib/call-centre";
import { requireProviderSettings } from "@/lib/providers/settings";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { signedInIdentity } from "@/lib/session";

import { CustomerVerification } from "./customer-verification";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("agentVerify") };
}

/** For call-centre agents: ask a caller to confirm who they are with BankID on their phone (CIBA). */
export default async function VerifyCallerPage() {
  // Call-centre verification is Idura's CIBA: a deployment without Idura has no such page.
  requireProviderSettings("idura");
  const t = await getTranslations("AgentVerify");
  const back = (
    <p className="mb-4 text-sm">
      <Link href="/account" className="text-brand-700 underline underline-offset-2" data-testid="agent-back">
        <span aria-hidden="true">← </span>
        {t("back")}
      </Link>
    </p>
  );
  // Only the deployment's agents (CALL_CENTRE_AGENTS) may ask callers to identify; anyone else
  // who finds the address is told so in plain words, and nothing can be started from here.
  if (!isCallCentreAgent(await signedInIdentity())) {
    return (
      <div className="mx-auto max-w-xl">
        {back}
        <Card as="section" roomy aria-labelledby="agent-refused-heading" data-testid="agent-refused">
          <h1 id="agent-refused-heading" className="text-2xl font-bold tracking-tight">
            {t("notAgentTitle")}
          </h1>
          <p className="mt-3 text-slate-700">{t("notAgentBody")}</p>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl">
      {back}
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      <ClientMessages namespaces={["AgentVerify", "LoginErrors"]}>
        <CustomerVerification providerName={loginErrorProvider("idura")} />
      </ClientMessages>
    </div>
  );
}
