"use server";

import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { agentKey, isCallCentreAgent } from "@/lib/call-centre";
import { providerSettings } from "@/lib/providers/settings";
import { limitActionStart } from "@/lib/rate-limit";
import { beginCiba, cibaCookie, nationalIdSchema, UnknownCustomerError } from "@/lib/providers/idura/ciba";
import { logProviderFailure } from "@/lib/route-handler";
import { currentIdentity } from "@/lib/session";

export type StartVerificationResult =
  { ok: true; bindingMessage: string; words: boolean; expiresAt: number } | { ok: false; message: string };

const inputSchema = z.object({ nationalId: nationalIdSchema });

/**
 * Starts a CIBA request for the customer on the phone. The national id travels only in this
 * action's POST body and Idura's back-channel form; it is never put in a URL, a cookie or a log.
 */
export async function startCustomerVerification(formData: FormData): Promise<StartVerificationResult> {
  const t = await getTranslations("AgentVerify");
  const input = inputSchema.safeParse({ nationalId: formData.get("nationalId") });
  if (!input.success) return { ok: false, message: t("invalidNationalId") };
  const identity = await currentIdentity();
  if (!identity) return { ok: false, message: t("sessionEnded") };
  // The page refuses non-agents already; the action is reachable without the page, so it checks too.
  if (!isCallCentreAgent(identity)) return { ok: false, message: t("notAgentBody") };

  // Each start costs a request at Idura and a push to the customer's phone: counted like every
  // login start, and refused on an instance that is shutting down.
  const wait = await limitActionStart();
  if (wait === 0) return { ok: false, message: t("shuttingDown") };
  if (wait !== null) return { ok: false, message: t("tooManyStarts", { seconds: wait }) };

  const idura = providerSettings("idura");
  if (!idura) return { ok: false, message: t("iduraFailed") };
  try {
    const state = await beginCiba(idura, input.data.nationalId, agentKey(identity));
    const jar = await cookies();
    jar.set(
      cibaCookie.name(),
      await cibaCookie.seal(state),
      cibaCookie.options((state.expiresAt - Date.now()) / 1000 + 60),
    );
    return { ok: true, bindingMessage: state.bindingMessage, words: state.words, expiresAt: state.expiresAt };
  } catch (e) {
    if (e instanceof UnknownCustomerError) {
      return { ok: false, message: t("unknownCustomer") };
    }
    logProviderFailure(e, "ciba_start_failed");
    return { ok: false, message: t("iduraFailed") };
  }
}

/**
 * The agent stops waiting: the portal forgets the request (its cookie). CIBA has no cancel call
 * (docs/providers/idura.md), so the caller's app may still show it until it expires.
 */
export async function cancelCustomerVerification(): Promise<void> {
  (await cookies()).delete(cibaCookie.name());
}
