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
