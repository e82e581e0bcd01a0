import "server-only";

import * as oauth from "oauth4webapi";
import { z } from "zod";

import { classifyLoginFailure } from "@/lib/login-failure/classify";
import { oauthClient } from "@/lib/oidc/client";
import { getSharedState } from "@/lib/state";
import { digestOf } from "@/lib/state/digest";
import { pacedPoll } from "@/lib/state/paced-poll";
import { ProviderError } from "@/lib/upstream/fetch";

import { digidentityDescriptor, type DigidentityConfig } from "./descriptor";
import type { PendingQrLogin, QrLoginState } from "./qr-state";
import { digidentityScope } from "./web";

/**
 * Digidentity's passwordless (QR) login, docs/providers/digidentity.md: `authorize.json` answers
 * a QR URI and its paired authorisation code (a small adapter: it is not an OAuth endpoint), then
 * the token endpoint is polled with that code through oauth4webapi.
 */

const passwordlessSessionSchema = z.object({
  data: z.object({
    id: z.string().min(1).max(2048),
    type: z.literal("passwordless_login_session"),
    attributes: z.object({
      type: z.literal("qr_code"),
      qr_code_uri: z.url().max(2048),
    }),
  }),
});

/** The `.json` variant of the authorization endpoint answers a QR code instead of a page. */
export function passwordlessEndpoint(authorizationEndpoint: string): string {
  const url = new URL(authorizationEndpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}.json`;
  return url.toString();
}

/** Reads the answer of `authorize.json`; anything else than the documented shape is refused. */
export function readPasswordlessSession(body: unknown): { code: string; qrCodeUri: string } {
  const parsed = passwordlessSessionSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("provider_error", "passwordless session is malformed");
  return { code: parsed.data.data.id, qrCodeUri: parsed.data.data.attributes.qr_code_uri };
}

/**
 * Step 1: ask Digidentity for a QR code and its paired authorisation code. The code goes into
 * the login state; only the QR URI is for the page. No `nonce`: nothing here crosses a front
 * channel, and Digidentity documents none.
 */
export async function startPasswordlessLogin(cfg: DigidentityConfig) {
  const digidentity = oauthClient(cfg);
  const as = await digidentity.metadata();
  const url = new URL(passwordlessEndpoint(as.authorization_endpoint!));
  url.searchParams.set("client_id", cfg.clientId);
  url.searchParams.set("scope", digidentityScope(cfg));
  url.searchParams.set("response_type", "code");
  const res = await digidentity.options[oauth.customFetch](url.toString(), {
    headers: { accept: "application/vnd.api+json, application/json" },
  });
  if (!res.ok) throw new ProviderError("provider_error", `passwordless start answered ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ProviderError("provider_error", "passwordless start answered no JSON");
  }
  const { code, qrCodeUri } = readPasswordlessSession(body);
  const expiresAt = Date.now() + cfg.qrTtlSeconds * 1000;
  const state: PendingQrLogin = { phase: "pending", code, intervalMs: cfg.pollIntervalMs, expiresAt };
  return { state, qrCodeUri, expiresAt };
}

type Refusal = "authorisation_revoked" | "chain_authorisation_used";

export type PollOutcome =
  /** `nextCallInMs`: a repeat (another poll asked moments ago); ms until the pace lets us ask again. */
  | { status: "pending"; slowDown: boolean; nextCallInMs?: number }
  | { status: "approved"; state: Extract<QrLoginState, { phase: "approved" }> }
  | { status: "expired" | "declined" }
  | { status: "refused"; reason: Refusal }
  /** The token answer failed oauth4webapi's checks (an ID token's claims): it cannot be trusted. */
  | { status: "invalid" };

/** After `slow_down` the interval grows by 5 s for the rest of the login (RFC 8628 §3.5). */
export const SLOW_DOWN_STEP_MS = 5000;

/**
 * What a token-endpoint error means for a QR login. Digidentity keys its answers on
 * `error_description` (`login_pending`, `session_not_found`); the refusal codes come from the
 * provider's one table (descriptor.ts), and every `error` value is accepted next to them.
 */
export function outcomeOfTokenError(error: string, description: string | undefined): PollOutcome | undefined {
  if (description === "login_pending") return { status: "pending", slowDown: false };
  if (error === "slow_down") return { status: "pending", slowDown: true };
  const reason = digidentityDescriptor.providerErrors[description ?? ""];
  switch (reason) {
    case "qr_expired":
      return { status: "expired" };
    case "qr_declined":
      return { status: "declined" };
    case "authorisation_revoked":
    case "chain_authorisation_used":
      return { status: "refused", reason };
  }
  return undefined;
}

/** Step 2: one poll of the token endpoint with the authorisation code. */
export async function pollPasswordlessLogin(
  cfg: DigidentityConfig,
  state: PendingQrLogin,
): Promise<PollOutcome> {
  const digidentity = oauthClient(cfg);
  const as = await digidentity.metadata();
  const res = await oauth.genericTokenEndpointRequest(
    as,
    digidentity.client,
    digidentity.auth,
    "authorization_code",
    { code: state.code },
    digidentity.options,
  );
  const outcome = await outcomeOfTokenResponse(as, digidentity.client, res);
  if (outcome.status !== "approved") return outcome;
  return { ...outcome, state: { ...outcome.state, loginId: digestOf(state.code) } };
}

/** What one token-endpoint answer means for a QR login (its checks: oauth4webapi's). */
export async function outcomeOfTokenResponse(
  as: oauth.AuthorizationServer,
  oauthClient: oauth.Client,
  res: Response,
): Promise<PollOutcome> {
  try {
    const tokens = await oauth.processGenericTokenEndpointResponse(as, oauthClient, res);
    return {
      status: "approved",
      state: {
        phase: "approved",
        accessToken: tokens.access_token,
        idToken: tokens.id_token,
        // The approved state only has to live until the page completes the sign-in.
        expiresAt: Date.now() + 60_000,
      },
    };
  } catch (e) {
    if (e instanceof oauth.ResponseBodyError) {
      const outcome = outcomeOfTokenError(e.error, e.error_description);
      if (outcome) return outcome;
      throw new ProviderError("provider_error", `token endpoint answered ${e.status} ${e.error}`, {
        cause: e,
      });
    }
    if (e instanceof ProviderError) throw e;
    if (classifyLoginFailure(e) === "id_token_invalid") return { status: "invalid" };
    throw new ProviderError("provider_error", "token answer refused", { cause: e });
  }
}

/**
 * A page starts each poll one interval after its previous one started (components/ui/device-poll.ts),
 * but on a busy machine one poll reaches the portal late and the next on time, closer together
 * than the interval: the slack lets that poll still ask. One that comes sooner gets "pending" with
 * the time until the pace lets a poll ask again, and the page asks then.
 */
const PACE_SLACK = 0.9;
/**
 * The token endpoint hands tokens out once: a second call for the same code hears "session not
 * found". The final answer is kept this long (the approved state's own lifetime) for every
 * later poll of the login, on any instance.
 */
const FINAL_ANSWER_MS = 60_000;
/** Upper bound of one token-endpoint call (lib/upstream/fetch.ts times out well before). */
const CALL_TIMEOUT_MS = 15_000;

/**
 * The portal sets the pace: however often browsers (several tabs, a retried request, a script)
 * ask, and on whichever instance, Digidentity's token endpoint hears about one login at most
 * once per 0.9 × the poll interval; a final answer one poll heard is repeated to every later
 * poll of that login (lib/state/paced-poll.ts, docs/production.md). Throws
 * SharedStateUnavailable when the shared store cannot answer: nothing is asked upstream then.
 */
export async function pollPasswordlessLoginAtPace(
  cfg: DigidentityConfig,
  state: PendingQrLogin,
): Promise<PollOutcome> {
  const polled = await pacedPoll<PollOutcome>(
    getSharedState(),
    `digidentity-qr:${state.code}`,
    {
      intervalMs: state.intervalMs * PACE_SLACK,
      finalTtlMs: FINAL_ANSWER_MS,
      callTimeoutMs: CALL_TIMEOUT_MS,
      isFinal: (o) => o.status !== "pending",
      // `session_not_found` after an approval: another poll took the tokens; its answer is coming.
      isGone: (o) => o.status === "expired",
      slowDownMs: (o) =>
        o.status === "pending" && o.slowDown
          ? (state.intervalMs + SLOW_DOWN_STEP_MS) * PACE_SLACK
          : undefined,
    },
    () => pollPasswordlessLogin(cfg, state),
  );
  // Another poll asked within the interval: this one waits for the next.
  if (polled.kind === "paced")
    return { status: "pending", slowDown: false, nextCallInMs: polled.nextCallInMs };
  return polled.answer;
}
