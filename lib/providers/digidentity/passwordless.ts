import "server-only";

import * as oauth from "oauth4webapi";
import { z } from "zod";

import { classifyLoginFailure } from "@/lib/login-failure/classify";
import { PollPace } from "@/lib/oidc/poll-pace";
import { ProviderError } from "@/lib/upstream/fetch";

import { digidentityDescriptor, type DigidentityConfig } from "./descriptor";
import type { PendingQrLogin, QrLoginState } from "./qr-state";
import { authorizationServer, client, clientAuth, requestOptions } from "./upstream";
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
  const as = await authorizationServer(cfg);
  const url = new URL(passwordlessEndpoint(as.authorization_endpoint!));
  url.searchParams.set("client_id", cfg.clientId);
  url.searchParams.set("scope", digidentityScope(cfg));
  url.searchParams.set("response_type", "code");
  const res = await requestOptions(cfg)[oauth.customFetch](url.toString(), {
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
  | { status: "pending"; slowDown: boolean }
  | { status: "approved"; state: QrLoginState }
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
  const as = await authorizationServer(cfg);
  const options = requestOptions(cfg);
  const res = await oauth.genericTokenEndpointRequest(
    as,
    client(cfg),
    clientAuth(cfg),
    "authorization_code",
    { code: state.code },
    options,
  );
  return outcomeOfTokenResponse(as, client(cfg), res);
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
 * The portal sets the pace: however often a browser (or several tabs, or a script) asks, this
 * instance asks the token endpoint about one login at most once per interval (lib/oidc/poll-pace.ts).
 */
const tokenPolls = new PollPace<PollOutcome>();

/**
 * A page starts each poll one interval after its previous one started (components/ui/device-poll.ts),
 * but on a busy machine one poll reaches the portal late and the next on time, closer together
 * than the interval: the slack lets that poll still ask. One that comes sooner still gets the
 * repeat, with the time until the next call, and the page asks again then.
 */
const PACE_SLACK = 0.9;
/**
 * The token endpoint hands tokens out once: a second call for the same code would hear "session
 * not found", and the poll that carried it would wipe the approved cookie the first one set.
 */
const FINAL_ANSWER_MS = 5_000;

/**
 * One poll of a QR login at the portal's pace; `repeat` when the answer is the last one again
 * (another poll asked less than 0.9 × interval ago), with the ms until this instance asks again.
 */
export function pollPasswordlessLoginAtPace(
  cfg: DigidentityConfig,
  state: PendingQrLogin,
): Promise<{ answer: PollOutcome; repeat?: { nextCallInMs: number } }> {
  return tokenPolls.askPaced(
    state.code,
    (last) =>
      last.status !== "pending"
        ? FINAL_ANSWER_MS
        : (last.slowDown ? state.intervalMs + SLOW_DOWN_STEP_MS : state.intervalMs) * PACE_SLACK,
    () => pollPasswordlessLogin(cfg, state),
  );
}
