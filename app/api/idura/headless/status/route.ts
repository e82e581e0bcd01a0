import { cookies } from "next/headers";

import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseSearchParams } from "@/lib/route-handler";
import { limitStatusPoll } from "@/lib/rate-limit";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import { logRefusedLogin } from "@/lib/login-failure/classify";
import { IdTokenError } from "@/lib/oidc/id-token";
import { IDURA_BANKID_ID } from "@/lib/providers/idura/descriptor";
import { headlessCookie, headlessStep } from "@/lib/providers/idura/headless";

import { emptyQuerySchema, type HeadlessStatusResponse } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * The page asks every second; `headlessStep` asks Idura at Idura's pace and otherwise repeats its
 * last answer (lib/providers/idura/bankid.ts). On approval the ID token goes into the cookie, for
 * the `idura-bankid` sign-in to verify; the page sees only the QR data and the hint.
 */
export async function GET(req: Request) {
  const input = parseSearchParams(req, emptyQuerySchema);
  if (!input.ok) return input.response;
  const jar = await cookies();
  const name = headlessCookie.name();
  const sealed = jar.get(name)?.value;
  const limited = await limitStatusPoll(req, sealed);
  if (limited) return limited;
  const state = await headlessCookie.open(sealed);
  if (!state) return jsonError(401, "no_login", await apiErrorText("noBankIdLogin"));
  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    const step = await headlessStep(idura, state);
    switch (step.status) {
      case "cancelled":
      case "expired":
        jar.delete(name);
        return jsonOk({ status: step.status } satisfies HeadlessStatusResponse);
      case "approved":
      case "pending": {
        if (step.next !== undefined) {
          const maxAge = (step.next.expiresAt - Date.now()) / 1000 + 60;
          jar.set(name, await headlessCookie.seal(step.next), headlessCookie.options(maxAge));
        }
        if (step.status === "approved")
          return jsonOk({ status: "approved" } satisfies HeadlessStatusResponse);
        return jsonOk({
          status: "pending",
          ...(step.qrData ? { qrData: step.qrData } : {}),
          ...(step.hintCode ? { hintCode: step.hintCode } : {}),
        } satisfies HeadlessStatusResponse);
      }
    }
  } catch (e) {
    if (e instanceof IdTokenError) {
      // An answer, not an outage: the login is over (its cookie is gone) and nobody is signed in.
      jar.delete(name);
      const ref = logRefusedLogin("id_token_invalid", { provider: IDURA_BANKID_ID, error: e });
      return jsonOk({ status: "refused", reason: "id_token_invalid", ref } satisfies HeadlessStatusResponse);
    }
    if (e instanceof ProviderError) {
      log.warn({ event: "headless_poll_failed", reason: e.reason, detail: e.message }, "BankID poll failed");
      return jsonError(502, e.reason, await apiErrorText("iduraFailedKeepTrying"));
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
