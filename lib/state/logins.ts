import "server-only";

import { createHash } from "node:crypto";

import { SignInRefused } from "../login-failure/sign-in-refused";
import { log } from "../log";
import { isSharedStateUnavailable } from "./errors";
import { getSharedState } from "./index";

/** A short digest of a token or JWT, so the whole credential never becomes a key. */
export const digestOf = (value: string) => createHash("sha256").update(value).digest("base64url");

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
