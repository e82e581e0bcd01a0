import "server-only";

import { randomBytes } from "node:crypto";

import * as oauth from "oauth4webapi";

import { ProviderRedirectError } from "@/lib/authjs/capture";
import { log } from "@/lib/log";
import { isNamedProvider, reasonFromOAuthError } from "./provider-names";
import { IdentityRefused } from "./identity-refused";
import { isLoginErrorReason, type LoginErrorReason } from "./reasons";
import { DiscoveryIssuerError } from "@/lib/oidc/discovery";
import { IdTokenError } from "@/lib/oidc/id-token";
import { ProviderError } from "@/lib/upstream/fetch";

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
 * An oauth4webapi check of an answer's shape (a property missing or of the wrong type, a body
 * that is not an object): oauth4webapi attaches the parsed answer as the failure's `cause.body`,
 * which its checks of values (state, iss, the ID token's alg and claims) never do.
 */
function isShapeFailure(cause: unknown): boolean {
  return typeof cause === "object" && cause !== null && "body" in cause;
}

/**
 * oauth4webapi's checks of the authorization response, the token answer and the ID token's
 * claims, by its error codes. Anything that fails a comparison means the answer cannot be trusted.
 */
function reasonFromOAuth4WebApi(code: string, cause: unknown): LoginErrorReason {
  switch (code) {
    case oauth.JSON_ATTRIBUTE_COMPARISON:
      // Discovery (OpenID Connect Discovery 1.0 §4.3): the document names another issuer.
      return (cause as { attribute?: unknown })?.attribute === "issuer"
        ? "issuer_mismatch"
        : "id_token_invalid";
    case oauth.JWT_TIMESTAMP_CHECK:
    case oauth.JWT_CLAIM_COMPARISON:
    case oauth.KEY_SELECTION:
      return "id_token_invalid";
    case oauth.INVALID_RESPONSE:
      // A malformed answer is the provider's malfunction rather than a forgery.
      return isShapeFailure(cause) ? "provider_error" : "id_token_invalid";
    case oauth.RESPONSE_IS_NOT_JSON:
    case oauth.RESPONSE_IS_NOT_CONFORM:
    case oauth.PARSE_ERROR:
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
    if (e instanceof IdentityRefused) return e.reason;
    if (e instanceof ProviderError) return e.reason;
    if (e instanceof ProviderRedirectError) return reasonFromOAuthError(e.error, e.description);
    // A Credentials provider's own refusal (SignInRefused) already names its reason.
    const refusal = e as { type?: unknown; code?: unknown };
    if (refusal.type === "CredentialsSignin" && isLoginErrorReason(refusal.code)) return refusal.code;
    const n = name(e);
    if (n === "InvalidCheck") return "login_expired";
    const oauthCode = (e as { code?: unknown }).code;
    if (typeof oauthCode === "string" && oauthCode.startsWith("OAUTH_")) {
      return reasonFromOAuth4WebApi(oauthCode, (e as { cause?: unknown }).cause);
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

// The Auth.js capture machinery lives in lib/authjs/capture.ts (tied to one next-auth version);
// these names stay importable from here.
export {
  captureAuthDebug,
  captureAuthError,
  captureAuthErrors,
  ProviderRedirectError,
  specificErrorLocation,
  withSpecificLoginErrors,
} from "@/lib/authjs/capture";
