import "server-only";

/**
 * Workarounds for what Auth.js throws away, written for and tested against next-auth
 * 5.0.0-beta.32 (@auth/core 0.41.x), which package.json pins exactly. Each depends on an Auth.js
 * internal; tests/unit/portal-authjs.test.ts has one test per captured shape, so an upgrade that
 * changes one fails there first (docs/architecture.md, "Auth.js workarounds"):
 *
 * 1. `logger.error` receives the error behind every failed sign-in; we keep it per request
 *    (AsyncLocalStorage) instead of logging its message, which can carry provider answers.
 * 2. Auth.js's OAuthCallbackError drops the provider's `error` and `error_description`; they reach
 *    only `logger.debug("OAuthCallbackError", {error, error_description})`.
 * 3. Auth.js redirects every failure to its error page as `?error=Configuration` (or `/login?error=`);
 *    we rewrite that redirect to our error page with the specific reason and a reference.
 */
import { AsyncLocalStorage } from "node:async_hooks";

import { classifyLoginFailure, loginErrorUrl } from "@/lib/login-failure/classify";

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
