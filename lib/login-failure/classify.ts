import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

import { log } from "@/lib/log";
import { isNamedProvider, reasonFromOAuthError } from "./provider-names";
import type { LoginErrorReason } from "./reasons";
import { DiscoveryIssuerError } from "@/lib/oidc/discovery";
import { IdTokenError } from "@/lib/oidc/id-token";
import { ProviderError } from "@/lib/upstream/fetch";
import { MissingUidAttributesError } from "@/lib/identity";

/** The chain of causes of an error: Auth.js wraps its errors as `cause.err` or `cause`. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const cause = (current as { cause?: unknown }).cause;
    current = cause && typeof cause === "object" && "err" in cause ? (cause as { err: unknown }).err : cause;
  }
  return chain;
}

function name(e: unknown): string {
  return (e as { type?: string; name?: string })?.type ?? (e as { name?: string })?.name ?? "";
}

/**
 * oauth4webapi's checks of the authorization response, the token answer and the ID token's
 * claims. Anything that fails a comparison means the answer cannot be trusted.
 */
function reasonFromOAuth4WebApi(code: string, message: string, cause: unknown): LoginErrorReason {
  switch (code) {
    case "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED":
      // Discovery (OpenID Connect Discovery 1.0 §4.3): the document names another issuer.
      return (cause as { attribute?: unknown })?.attribute === "issuer"
        ? "issuer_mismatch"
        : "id_token_invalid";
    case "OAUTH_JWT_TIMESTAMP_CHECK_FAILED":
    case "OAUTH_JWT_CLAIM_COMPARISON_FAILED":
    case "OAUTH_KEY_SELECTION_FAILED":
      return "id_token_invalid";
    case "OAUTH_INVALID_RESPONSE":
      // Everything oauth4webapi checks in an answer (state, iss, the ID token's alg and claims)
      // except its shape, which is the provider's malfunction rather than a forgery.
      return /JSON|content-type|body/i.test(message) ? "provider_error" : "id_token_invalid";
    default:
      return "provider_error";
  }
}

/**
 * Decide what a failed login tells the user. Only known reasons come out, so nothing a
 * provider or an attacker puts into a query string is ever shown.
 */
export function classifyLoginFailure(error: unknown): LoginErrorReason {
  for (const e of causes(error)) {
    // Before ProviderError, which it is: a mix-up is not an outage, and has its own page.
    if (e instanceof DiscoveryIssuerError) return "issuer_mismatch";
    if (e instanceof IdTokenError) return "id_token_invalid";
    if (e instanceof MissingUidAttributesError) return "no_uid_attributes";
    if (e instanceof ProviderError) return e.reason;
    if (e instanceof ProviderRedirectError) return reasonFromOAuthError(e.error, e.description);
    const n = name(e);
    if (n === "InvalidCheck") return "login_expired";
    const oauthCode = (e as { code?: unknown }).code;
    if (typeof oauthCode === "string" && oauthCode.startsWith("OAUTH_")) {
      return reasonFromOAuth4WebApi(
        oauthCode,
        String((e as Error).message),
        (e as { cause?: unknown }).cause,
      );
    }
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return "provider_unreachable";
    const code = (e as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "UND_ERR_CONNECT_TIMEOUT") {
      return "provider_unreachable";
    }
  }
  return "unknown";
}

/** A short id the user can quote and the operator can find in the log. */
export function newReference(): string {
  return randomBytes(6).toString("hex");
}

/** Log a refused login (never tokens, codes or personal data) and give the page to show. */
export function loginErrorUrl(reason: LoginErrorReason, detail: { provider?: string; error?: unknown } = {}) {
  const ref = logRefusedLogin(reason, detail);
  // The provider's id (never anything it said) lets the page name who refused or failed.
  const query = new URLSearchParams({ reason, ref });
  if (isNamedProvider(detail.provider)) query.set("provider", detail.provider);
  return `/auth/error?${query}`;
}

/**
 * Log a refused login and answer its reference id, for refusals shown in place (the IDToken,
 * BankID and CIBA pages) rather than on the error page.
 */
export function logRefusedLogin(
  reason: LoginErrorReason,
  detail: { provider?: string; error?: unknown } = {},
) {
  const ref = newReference();
  // Names and protocol error codes only: messages and causes can carry provider answers.
  const chain =
    detail.error === undefined
      ? []
      : causes(detail.error).map((e) => {
          const code = (e as { code?: unknown }).code;
          if (typeof code !== "string") return name(e);
          // oauth4webapi's messages name the failed check and carry no values, so they may be logged.
          return code.startsWith("OAUTH_") ? `${code}: ${(e as Error).message}` : `${name(e)}:${code}`;
        });
  log.warn(
    { event: "login_refused", ref, reason, provider: detail.provider, errors: chain },
    "login refused",
  );
  return ref;
}

const captured = new AsyncLocalStorage<{ errors: unknown[] }>();

/** Auth.js's logger.error hook: keep the error for the request that is being handled. */
export function captureAuthError(error: unknown) {
  captured.getStore()?.errors.push(error);
}

/** What a provider said in an error redirect (RFC 6749 §4.1.2.1), as Auth.js reports it. */
export class ProviderRedirectError extends Error {
  constructor(
    public readonly error: unknown,
    public readonly description: unknown,
  ) {
    super("the provider answered the authorization request with an error");
    this.name = "ProviderRedirectError";
  }
}

/**
 * Auth.js's logger.debug hook. Its OAuthCallbackError drops the provider's `error` and
 * `error_description`; they reach only this debug call, so keep them from here.
 */
export function captureAuthDebug(message: string, metadata: unknown) {
  if (message !== "OAuthCallbackError" || !metadata || typeof metadata !== "object") return;
  const m = metadata as Record<string, unknown>;
  captured.getStore()?.errors.push(new ProviderRedirectError(m.error, m.error_description));
}

/** Run Auth.js code and keep every error it reports on the way, for `specificErrorLocation`. */
export async function captureAuthErrors<T>(fn: () => Promise<T>): Promise<{ value: T; errors: unknown[] }> {
  const store = { errors: [] as unknown[] };
  const value = await captured.run(store, fn);
  return { value, errors: store.errors };
}

/**
 * Auth.js sends every failure to its error page as `?error=Configuration` or similar (or to the
 * login page for "signIn"-kind errors), which tells the user nothing. Given where Auth.js sends
 * the browser and what it reported, return our error page with the specific reason instead, or
 * null when the destination is not an Auth.js error page.
 */
export function specificErrorLocation(location: string, errors: unknown[], provider?: string): string | null {
  const target = new URL(location, "http://portal.invalid");
  const isAuthJsErrorPage =
    (target.pathname === "/auth/error" && !target.searchParams.has("reason")) ||
    (target.pathname === "/login" && target.searchParams.has("error"));
  if (!isAuthJsErrorPage) return null;
  // The provider's own words, when it sent any, say more than Auth.js's wrapper around them.
  const error = errors.find((e) => e instanceof ProviderRedirectError) ?? errors.at(-1);
  const reason = error === undefined ? "unknown" : classifyLoginFailure(error);
  return loginErrorUrl(reason, { provider, error });
}

/** The Auth.js route handler, with its error redirects made specific. */
export async function withSpecificLoginErrors(
  req: Request,
  handler: () => Promise<Response>,
): Promise<Response> {
  const { value: res, errors } = await captureAuthErrors(handler);
  const location = res.headers.get("location");
  const specific = location
    ? specificErrorLocation(location, errors, new URL(req.url).pathname.split("/").at(-1))
    : null;
  if (!specific) return res;
  const headers = new Headers(res.headers);
  // Relative, so the browser stays on the host it used.
  headers.set("location", specific);
  return new Response(null, { status: 303, headers });
}
