import "server-only";

import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from "jose";

import { mayReloadKeysPerMinute } from "@/lib/state/key-reloads";

/**
 * The operator's signing keys at `{operator}/.well-known/jwks.json` (docs/providers/idtoken.md),
 * on jose's remote JWK set: cached, and refetched when a JWT names a `kid` it does not hold.
 * jose waits `cooldownDuration` after a fetch before refetching for an unknown kid; a key
 * rotated in right after a fetch would then be refused for that long, so a kid never seen is
 * given one early refetch of its own, at most `MAX_EARLY_REFETCHES` a minute, so that a stream
 * of invented kids cannot turn into a stream of fetches, on one instance or on all of them
 * together (the shared store, lib/state/logins.ts). (lib/oidc has no shared JWKS helper
 * yet; this one is written so it can move there unchanged.)
 */
const MAX_EARLY_REFETCHES = 6;

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const sets = new Map<string, { keys: KeySet; triedKids: Set<string>; early: number[] }>();

function entryFor(jwksUri: string) {
  let entry = sets.get(jwksUri);
  if (!entry) {
    entry = {
      keys: createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000, cooldownDuration: 30_000 }),
      triedKids: new Set(),
      early: [],
    };
    sets.set(jwksUri, entry);
  }
  return entry;
}

/** A key resolver for jwtVerify. */
export function operatorKeys(jwksUri: string): JWTVerifyGetKey {
  const entry = entryFor(jwksUri);
  return async (header, token) => {
    try {
      return await entry.keys(header, token);
    } catch (e) {
      const kid = header.kid;
      const now = Date.now();
      entry.early = entry.early.filter((t) => t > now - 60_000);
      const known = entry.keys.jwks()?.keys.some((k) => k.kid === kid) ?? false;
      if (
        !(e instanceof joseErrors.JWKSNoMatchingKey) ||
        kid === undefined ||
        known ||
        entry.triedKids.has(kid) ||
        entry.early.length >= MAX_EARLY_REFETCHES
      )
        throw e;
      entry.triedKids.add(kid);
      if (entry.triedKids.size > 1000) entry.triedKids.clear();
      // The same bound across every instance: MAX_EARLY_REFETCHES a minute, in any rhythm (a
      // rotation right after another refetch must still be picked up).
      if (!(await mayReloadKeysPerMinute(`idtoken-early:${jwksUri}`, MAX_EARLY_REFETCHES))) throw e;
      entry.early.push(now);
      await entry.keys.reload();
      return entry.keys(header, token);
    }
  };
}
