import "server-only";

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
export async function spendApprovedLogin(kind: string, credential: string, ttlMs: number): Promise<void> {
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
