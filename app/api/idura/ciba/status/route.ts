import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";
import { logRefusedLogin } from "@/lib/login-failure/classify";
import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseSearchParams } from "@/lib/route-handler";
import { limitStatusPoll } from "@/lib/rate-limit";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import { IdTokenError } from "@/lib/oidc/id-token";
import { cibaCookie, cibaStep, type CibaState } from "@/lib/providers/idura/ciba";
import { NordicEidClaimsError } from "@/lib/providers/idura/identity";
import { IDURA_ID } from "@/lib/providers/idura/descriptor";

import { emptyQuerySchema, type CibaStatusResponse } from "../../schema";

export const dynamic = "force-dynamic";

/** The agent's page asks every second; `cibaStep` decides when Idura is asked (lib/providers/idura/ciba.ts). */
export async function GET(req: Request) {
  const input = parseSearchParams(req, emptyQuerySchema);
  if (!input.ok) return input.response;
  const session = await auth();
  if (!session?.identity) return jsonError(401, "not_signed_in", await apiErrorText("notSignedIn"));

  const jar = await cookies();
  const name = cibaCookie.name();
  const sealed = jar.get(name)?.value;
  const limited = await limitStatusPoll(req, sealed);
  if (limited) return limited;
  const state = await cibaCookie.open(sealed);
  if (!state) return jsonError(404, "no_request", await apiErrorText("noCibaRequest"));
  const pending = (s: CibaState): CibaStatusResponse => ({
    status: "pending",
    bindingMessage: s.bindingMessage,
    words: s.words,
    intervalSeconds: s.intervalSeconds,
    slowedDown: s.intervalSeconds > s.initialIntervalSeconds,
    expiresAt: s.expiresAt,
  });

  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    const step = await cibaStep(idura, state);
    if (step.status === "pending") {
      if (step.polled)
        jar.set(
          name,
          await cibaCookie.seal(step.state),
          cibaCookie.options((state.expiresAt - Date.now()) / 1000 + 60),
        );
      return jsonOk(pending(step.state));
    }
    jar.delete(name);
    if (step.status !== "approved") return jsonOk({ status: step.status } satisfies CibaStatusResponse);
    const { customer } = step;
    return jsonOk({
      status: "approved",
      customer: { ...customer, eid: (await getTranslations("Eid"))(customer.eid) },
    } satisfies CibaStatusResponse);
  } catch (e) {
    if (e instanceof IdTokenError || e instanceof NordicEidClaimsError) {
      // An answer, not an outage: the request is over (its cookie is gone) and nobody is confirmed.
      jar.delete(name);
      const reason = e instanceof IdTokenError ? "id_token_invalid" : "provider_error";
      const ref = logRefusedLogin(reason, { provider: IDURA_ID, error: e });
      return jsonOk({ status: "refused", reason, ref } satisfies CibaStatusResponse);
    }
    if (e instanceof ProviderError) {
      log.warn({ event: "ciba_poll_failed", reason: e.reason, detail: e.message }, "CIBA poll failed");
      return jsonError(502, e.reason, await apiErrorText("iduraFailedKeepTrying"));
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
