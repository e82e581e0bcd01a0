"use server";

import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { auth } from "@/auth";
import { providerSettings } from "@/lib/providers/registry";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import { startCiba, UnknownCustomerError } from "@/lib/providers/idura/web";
import { cibaCookie, nationalIdSchema, newBindingMessage } from "@/lib/providers/idura/ciba";

export type StartVerificationResult =
  { ok: true; bindingMessage: string; expiresAt: number } | { ok: false; message: string };

const inputSchema = z.object({ nationalId: nationalIdSchema });

/**
 * Starts a CIBA request for the customer on the phone. The national id travels only in this
 * action's POST body and Idura's back-channel form; it is never put in a URL, a cookie or a log.
 */
export async function startCustomerVerification(formData: FormData): Promise<StartVerificationResult> {
  const t = await getTranslations("AgentVerify");
  const input = inputSchema.safeParse({ nationalId: formData.get("nationalId") });
  if (!input.success) return { ok: false, message: t("invalidNationalId") };
  const session = await auth();
  if (!session?.identity) return { ok: false, message: t("sessionEnded") };

  const idura = providerSettings("idura");
  if (!idura) return { ok: false, message: t("iduraFailed") };
  const bindingMessage = newBindingMessage();
  try {
    const started = await startCiba(idura, input.data.nationalId, bindingMessage);
    const jar = await cookies();
    const now = Date.now();
    jar.set(
      cibaCookie.name(),
      await cibaCookie.seal({
        authReqId: started.authReqId,
        bindingMessage,
        intervalSeconds: started.intervalSeconds,
        initialIntervalSeconds: started.intervalSeconds,
        nextPollAt: now + started.intervalSeconds * 1000,
        expiresAt: started.expiresAt,
      }),
      cibaCookie.options((started.expiresAt - now) / 1000 + 60),
    );
    return { ok: true, bindingMessage, expiresAt: started.expiresAt };
  } catch (e) {
    if (e instanceof UnknownCustomerError) {
      return { ok: false, message: t("unknownCustomer") };
    }
    if (e instanceof ProviderError) {
      log.warn({ event: "ciba_start_failed", reason: e.reason, detail: e.message }, "CIBA start failed");
      return { ok: false, message: t("iduraFailed") };
    }
    throw e;
  }
}
