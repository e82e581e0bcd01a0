import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { RsaPrivateJwk } from "./env";

export const SIGNING_ALG = "RS256";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** Public half as published in the JWKS, with kid, use and alg. */
  publicJwk: JWK;
}

/**
 * Loads the configured RSA private JWK, or generates a fresh key pair. The kid is the RFC 7638
 * thumbprint, so the same key always gets the same kid across restarts.
 */
export async function loadSigningKey(privateJwk?: RsaPrivateJwk): Promise<SigningKey> {
  let privateKey: CryptoKey;
  let publicPart: JWK;
  if (privateJwk) {
    const imported = await importJWK({ ...privateJwk, alg: SIGNING_ALG }, SIGNING_ALG);
    if (!(imported instanceof CryptoKey)) throw new Error("SANDBOX_SIGNING_KEY is not an RSA key");
    privateKey = imported;
    publicPart = { kty: "RSA", n: privateJwk.n, e: privateJwk.e };
  } else {
    const pair = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048 });
    privateKey = pair.privateKey;
    const exported = await exportJWK(pair.publicKey);
    publicPart = { kty: "RSA", n: exported.n, e: exported.e };
  }
  const kid = await calculateJwkThumbprint(publicPart, "sha256");
  return { kid, privateKey, publicJwk: { ...publicPart, kid, use: "sig", alg: SIGNING_ALG } };
}

/** A fresh ES256 (P-256) key pair, for providers that sign with ECDSA; kid is its thumbprint. */
export async function generateEs256Key(): Promise<SigningKey> {
  const pair = await generateKeyPair("ES256", { extractable: true });
  const exported = await exportJWK(pair.publicKey);
  const publicPart: JWK = { kty: "EC", crv: exported.crv, x: exported.x, y: exported.y };
  const kid = await calculateJwkThumbprint(publicPart, "sha256");
  return { kid, privateKey: pair.privateKey, publicJwk: { ...publicPart, kid, use: "sig", alg: "ES256" } };
}
