import "server-only";

import { isSharedStateUnavailable } from "./errors";
import { getSharedState } from "./index";

/**
 * A forced reload of a provider's signing keys (a JWT named an unknown `kid`) at most once per
 * `everyMs` (30 s) per key set across every instance, so crafted JWTs cannot make us fetch keys
 * per request. When the store cannot answer, no forced reload happens (the cached keys still verify).
 */
export async function mayReloadKeys(jwksUri: string, everyMs = 30_000): Promise<boolean> {
  try {
    return await getSharedState().tryPace(`jwks-reload:${jwksUri}`, everyMs);
  } catch (e) {
    if (isSharedStateUnavailable(e)) return false;
    throw e;
  }
}

/**
 * At most `max` forced reloads per minute per key set across every instance, in any rhythm
 * (a burst of new key ids after a rotation is allowed, where a one-per-interval pace would refuse
 * the second): one single-use slot per reload in the current minute.
 */
export async function mayReloadKeysPerMinute(jwksUri: string, max: number): Promise<boolean> {
  const minute = Math.floor(Date.now() / 60_000);
  try {
    const state = getSharedState();
    for (let slot = 0; slot < max; slot++) {
      if (await state.consumeOnce(`jwks-reload:${jwksUri}:${minute}:${slot}`, 120_000)) return true;
    }
    return false;
  } catch (e) {
    if (isSharedStateUnavailable(e)) return false;
    throw e;
  }
}
