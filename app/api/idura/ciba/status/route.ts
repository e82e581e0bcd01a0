import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";
import { logRefusedLogin } from "@/lib/login-failure/classify";
import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseSearchParams } from "@/lib/route-handler";
import { limitStatusPoll } from "@/lib/rate-limit";
import { nordicEidIdentityFromClaims } from "@/lib/identity";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import { IdTokenError, verifyProviderIdToken } from "@/lib/oidc/id-token";
import { IDURA_ID, pollCiba } from "@/lib/providers/idura/web";
import { cibaCookie } from "@/lib/providers/idura/ciba";

import { emptyQuerySchema, type CibaStatusResponse } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * The agent's page asks every second; Idura is asked only when `interval` has passed since the
 * last poll (CIBA Core §7.3), and after `slow_down` the interval grows by 5 s (§11).
 */
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
  const pending = (s: typeof state): CibaStatusResponse => ({
    status: "pending",
    bindingMessage: s.bindingMessage,
    intervalSeconds: s.intervalSeconds,
    slowedDown: s.intervalSeconds > s.initialIntervalSeconds,
    expiresAt: s.expiresAt,
  });
  const now = Date.now();
  if (state.expiresAt <= now) {
    jar.delete(name);
    return jsonOk({ status: "expired" } satisfies CibaStatusResponse);
  }
  if (now < state.nextPollAt) return jsonOk(pending(state));

  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    const outcome = await pollCiba(idura, state.authReqId);
    if (outcome.status === "pending" || outcome.status === "slow_down") {
      const intervalSeconds = state.intervalSeconds + (outcome.status === "slow_down" ? 5 : 0);
      const next = { ...state, intervalSeconds, nextPollAt: Date.now() + intervalSeconds * 1000 };
      jar.set(name, await cibaCookie.seal(next), cibaCookie.options((state.expiresAt - now) / 1000 + 60));
      return jsonOk(pending(next));
    }
    jar.delete(name);
    if (outcome.status !== "approved") return jsonOk({ status: outcome.status } satisfies CibaStatusResponse);
    const claims = await verifyProviderIdToken(idura, outcome.idToken);
    const customer = nordicEidIdentityFromClaims(claims, "idura");
    return jsonOk({
      status: "approved",
      customer: {
        name: customer.name,
        birthdate: customer.birthdate,
        eid: (await getTranslations("Eid"))(customer.eid),
      },
    } satisfies CibaStatusResponse);
  } catch (e) {
    if (e instanceof IdTokenError) {
      // An answer, not an outage: the request is over (its cookie is gone) and nobody is confirmed.
      const ref = logRefusedLogin("id_token_invalid", { provider: IDURA_ID, error: e });
      return jsonOk({ status: "refused", reason: "id_token_invalid", ref } satisfies CibaStatusResponse);
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
