import "server-only";

import {
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwtVerify,
  type FetchImplementation,
  type JWTPayload,
  type JWTVerifyOptions,
} from "jose";

import { mayReloadKeys } from "@/lib/state/key-reloads";
import { ProviderError, providerFetch } from "@/lib/upstream/fetch";

/**
 * How long after a refetch prompted by a failed verification another failure may not prompt
 * one, unless a token verified in between. A forged token can then cost at most one fetch of the
 * key set per cool-down, however often it is sent. jose's own default cool-down (30 s).
 */
export const JWKS_REFETCH_COOLDOWN_MS = 30_000;
/** A key set is fetched again after this long anyway (jose's default cache age, 10 min). */
const JWKS_MAX_AGE_MS = 10 * 60_000;

/**
 * Failures that say the keys we hold may be out of date: no key for the token (an unknown `kid`),
 * none of several candidates verifies, or the one candidate does not (a key changed without a
 * new `kid`). Claims, algorithms and malformed tokens are not about keys and never refetch.
 */
function isKeyFailure(error: unknown): boolean {
  return (
    error instanceof joseErrors.JWKSNoMatchingKey ||
    error instanceof joseErrors.JWKSMultipleMatchingKeys ||
    error instanceof joseErrors.JWSSignatureVerificationFailed ||
    error instanceof joseErrors.JWKInvalid ||
    // A candidate jose selected but could not import (a malformed member with the token's kid).
    (!(error instanceof joseErrors.JOSEError) && !(error instanceof ProviderError))
  );
}

/**
 * RFC 7517 §5: a member of the set we cannot use is ignored, not a reason to refuse the set.
 * jose already skips members of another key type or algorithm (a post-quantum `AKP` key, a made-
 * up `kty`); what it would refuse the whole set for is a member that is not a JSON object.
 */
function usableMembers(body: unknown): { keys: unknown[] } {
  const keys = (body as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new ProviderError("provider_error", "the JWKS has no keys array");
  return {
    keys: keys.filter(
      (k) =>
        typeof k === "object" &&
        k !== null &&
        !Array.isArray(k) &&
        typeof (k as { kty?: unknown }).kty === "string",
    ),
  };
}

/** The key set over the portal's provider HTTP client: timeouts, and unreachable means unreachable. */
const fetchJwks: FetchImplementation = async (url) => {
  const res = await providerFetch(url, { headers: { accept: "application/json, application/jwk-set+json" } });
  if (res.status !== 200) throw new ProviderError("provider_error", `the JWKS answered ${res.status}`);
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    throw new ProviderError("provider_error", "the JWKS is not JSON");
  }
  return new Response(JSON.stringify(usableMembers(body)), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
};

type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

/** Verify with one key set; without a `kid`, every candidate key is tried, not just the first. */
async function verifyAgainst(set: RemoteSet, jwt: string, options: JWTVerifyOptions) {
  try {
    return await jwtVerify(jwt, set, options);
  } catch (error) {
    if (!(error instanceof joseErrors.JWKSMultipleMatchingKeys)) throw error;
    let last: unknown = error;
    // jose hands the candidates over as an async iterator, skipping those it cannot import.
    for await (const key of error) {
      try {
        return await jwtVerify(jwt, key, options);
      } catch (candidateError) {
        // Another candidate's signature, or a key too weak for the algorithm: try the next.
        if (!isKeyFailure(candidateError)) throw candidateError;
        last = candidateError;
      }
    }
    throw last;
  }
}

/**
 * One provider's signing keys, fetched with jose's createRemoteJWKSet. jose refetches by itself
 * only on an unknown `kid`; here any failed verification refetches the set once and tries
 * again (a key changed without a new `kid` verifies nothing it holds), but only once per
 * cool-down unless a token verified since the last such refetch, so forged tokens cannot make
 * the portal fetch on every request (and repeated failures refetch once per cool-down across all
 * instances, lib/state/logins.ts). Concurrent failures share one fetch.
 */
export class ProviderKeys {
  private readonly set: RemoteSet;
  /** Bumped on each refetch; a failure against an older set just tries the newer one. */
  private generation = 0;
  private refetchedAt = Number.NEGATIVE_INFINITY;
  private verifiedSinceRefetch = true;
  private pending: Promise<void> | undefined;
  /** How many refetches failures prompted (for tests and the log). */
  refetches = 0;

  constructor(
    private readonly jwksUri: string,
    private readonly options: {
      cooldownMs?: number;
      now?: () => number;
      /** Whether any instance may refetch now (shared cool-down); always yes in unit tests. */
      mayRefetch?: (jwksUri: string, cooldownMs: number) => Promise<boolean>;
    } = {},
  ) {
    this.set = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: 10_000,
      // jose's own refetch on an unknown kid is replaced by the one below.
      cooldownDuration: Number.POSITIVE_INFINITY,
      cacheMaxAge: JWKS_MAX_AGE_MS,
      [customFetch]: fetchJwks,
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async verify(jwt: string, options: JWTVerifyOptions): Promise<{ payload: JWTPayload }> {
    const generation = this.generation;
    try {
      const result = await verifyAgainst(this.set, jwt, options);
      this.verifiedSinceRefetch = true;
      return result;
    } catch (error) {
      if (!isKeyFailure(error)) throw error;
      if (!(await this.refetch(generation))) throw error;
      const result = await verifyAgainst(this.set, jwt, options);
      this.verifiedSinceRefetch = true;
      return result;
    }
  }

  /** Whether there is a newer key set to try: one fetched meanwhile, in flight, or fetched now. */
  private async refetch(failedWith: number): Promise<boolean> {
    if (this.pending) {
      await this.pending;
      return true;
    }
    if (failedWith !== this.generation) return true;
    const cooldown = this.options.cooldownMs ?? JWKS_REFETCH_COOLDOWN_MS;
    if (!this.verifiedSinceRefetch) {
      if (this.now() - this.refetchedAt < cooldown) return false;
      // Failures with no good token in between (forgeries, most likely): one refetch per
      // cool-down across every instance, not one per instance.
      const mayRefetch = this.options.mayRefetch;
      const allowed = !mayRefetch || (await mayRefetch(this.jwksUri, cooldown));
      if (this.pending) {
        await this.pending;
        return true;
      }
      if (!allowed) return false;
    }
    this.refetchedAt = this.now();
    this.verifiedSinceRefetch = false;
    this.refetches++;
    this.pending = this.set.reload().finally(() => {
      this.generation++;
      this.pending = undefined;
    });
    await this.pending;
    return true;
  }
}

const byUri = new Map<string, ProviderKeys>();

/** The one key-set cache per JWKS URI, shared by every ID-token and provider-JWT check. */
export function providerKeys(jwksUri: string): ProviderKeys {
  let keys = byUri.get(jwksUri);
  if (!keys) {
    keys = new ProviderKeys(jwksUri, { mayRefetch: mayReloadKeys });
    byUri.set(jwksUri, keys);
  }
  return keys;
}
