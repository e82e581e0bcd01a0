import "server-only";

import { errors as joseErrors, type JWTPayload } from "jose";

import { ProviderError } from "@/lib/upstream/fetch";

import { discover } from "./discovery";
import { providerKeys } from "./jwks";

/** The ID token failed verification: signature, algorithm, issuer, audience, time or nonce. */
export class IdTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IdTokenError";
  }
}

export type IdTokenExpectations = {
  issuer: string;
  clientId: string;
  jwksUri: string;
  /** The algorithms the provider signs with; anything else (none, HS256, …) is refused. */
  algorithms: string[];
  /** When a nonce was sent, the token must carry exactly it. */
  nonce?: string;
};

/**
 * OpenID Connect Core §3.1.3.7, always including the signature: Auth.js leaves the signature of
 * ID tokens from the token endpoint unchecked, and this portal does not.
 */
export async function verifyIdToken(idToken: string, expect: IdTokenExpectations): Promise<JWTPayload> {
  const options = {
    issuer: expect.issuer,
    audience: expect.clientId,
    algorithms: expect.algorithms,
    requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
    clockTolerance: 30,
  };
  try {
    // The key set is refetched once when the keys we hold do not verify (lib/oidc/jwks.ts).
    const { payload } = await providerKeys(expect.jwksUri).verify(idToken, options);
    // Items 4-5: with several audiences an azp must be there; whenever it is, it names us.
    const severalAudiences = Array.isArray(payload.aud) && payload.aud.length > 1;
    if ((severalAudiences || payload.azp !== undefined) && payload.azp !== expect.clientId) {
      throw new IdTokenError("azp does not name this client");
    }
    if (expect.nonce !== undefined && payload.nonce !== expect.nonce) {
      throw new IdTokenError("nonce does not match");
    }
    return payload;
  } catch (cause) {
    // An unreachable key set is an outage, not a forgery.
    if (cause instanceof IdTokenError || cause instanceof ProviderError) throw cause;
    const code = cause instanceof joseErrors.JOSEError ? cause.code : "unknown";
    throw new IdTokenError(`ID token refused (${code})`, { cause });
  }
}

/**
 * Only the asymmetric algorithms the provider announces: `none` is never a signature, and an
 * HS256 token would be "signed" with our own client secret, which proves nothing.
 */
export function signingAlgorithms(announced: string[] | undefined): string[] {
  const usable = (announced ?? ["RS256"]).filter((a) => /^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(a));
  return usable.length > 0 ? usable : ["RS256"];
}

/** An OpenID provider as the portal is configured for it. */
export type OidcClient = { issuer: string; clientId: string };

/**
 * Verify another JWT the provider signed for this client (an RFC 9068 access token), with the
 * same keys, algorithms, key reload and clock tolerance as its ID tokens.
 */
export async function verifyProviderJwt(
  jwt: string,
  expect: Omit<IdTokenExpectations, "nonce">,
): Promise<JWTPayload> {
  const { payload } = await providerKeys(expect.jwksUri).verify(jwt, {
    issuer: expect.issuer,
    audience: expect.clientId,
    algorithms: expect.algorithms,
    requiredClaims: ["sub", "exp"],
    clockTolerance: 30,
  });
  return payload;
}

/** Verify an ID token from `client`'s provider, with keys and algorithms from its discovery. */
export async function verifyProviderIdToken(client: OidcClient, idToken: string | undefined, nonce?: string) {
  if (!idToken) throw new IdTokenError("no ID token in the answer");
  const metadata = await discover(client.issuer);
  return verifyIdToken(idToken, {
    issuer: metadata.issuer,
    clientId: client.clientId,
    jwksUri: metadata.jwks_uri,
    algorithms: signingAlgorithms(metadata.id_token_signing_alg_values_supported),
    nonce,
  });
}
