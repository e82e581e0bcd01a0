import "server-only";

import { cookies } from "next/headers";

import { SignInRefused } from "../login-failure/sign-in-refused";
import { log } from "../log";
import { digestOf } from "./digest";
import { isSharedStateUnavailable } from "./errors";
import { getSharedState } from "./index";

export { digestOf };

/**
 * Single use of something approved (a login's tokens, a JWT) across every instance: true the
 * first time, false for a replay. Throws SharedStateUnavailable when the store cannot answer.
 */
export function consumeOnce(kind: string, credential: string, ttlMs: number): Promise<boolean> {
  return getSharedState().consumeOnce(`${kind}:${digestOf(credential)}`, ttlMs);
}

/**
 * At sign-in: the approved login identified by `credential` is spent now, on every instance.
 * A replay is refused ("login_already_used"); when the store cannot say, the sign-in is
 * refused too ("state_unavailable"), never let through unchecked.
 */
async function spendApprovedLogin(kind: string, credential: string, ttlMs: number): Promise<void> {
  let first: boolean;
  try {
    first = await consumeOnce(kind, credential, ttlMs);
  } catch (e) {
    if (!isSharedStateUnavailable(e)) throw e;
    log.error({ event: "state_unavailable", operation: "spendApprovedLogin", kind }, "sign-in refused");
    throw new SignInRefused("state_unavailable");
  }
  if (!first) {
    log.warn({ event: "login_replayed", kind }, "an approved login was presented again: refused");
    throw new SignInRefused("login_already_used");
  }
}

/** A sealed cookie holding a login that ends in an approved phase (lib/sealed-cookie.ts). */
type LoginCookie<S> = { name(): string; open(value: string | undefined): Promise<S | null> };

/**
 * At sign-in: this browser's approved login, taken from its sealed cookie once. The cookie is
 * deleted whatever happens next; no login there, one not approved yet or one expired is refused
 * ("login_incomplete"); then the approval, named by `credentialOf`, is spent on every instance
 * (above), so a copy of the approved cookie signs nobody in a second time.
 */
export async function takeApprovedLogin<S extends { phase: string; expiresAt: number }>(
  cookie: LoginCookie<S>,
  kind: string,
  credentialOf: (state: Extract<S, { phase: "approved" }>) => string,
): Promise<Extract<S, { phase: "approved" }>> {
  const jar = await cookies();
  const name = cookie.name();
  const state = await cookie.open(jar.get(name)?.value);
  jar.delete(name);
  if (!state || state.phase !== "approved" || state.expiresAt <= Date.now()) {
    throw new SignInRefused("login_incomplete");
  }
  const approved = state as Extract<S, { phase: "approved" }>;
  // Remembered a minute past the cookie's own expiry, after which the cookie is refused anyway.
  await spendApprovedLogin(kind, credentialOf(approved), approved.expiresAt - Date.now() + 60_000);
  return approved;
}
