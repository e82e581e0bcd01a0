import "server-only";

import { CompactEncrypt, importJWK, importPKCS8, SignJWT, type CryptoKey, type JWK } from "jose";
import { randomBytes } from "node:crypto";
import { z } from "zod";

import { discover } from "@/lib/oidc/discovery";
import { ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";
import { promiseCache } from "@/lib/upstream/promise-cache";

import type { SignicatConfig } from "./descriptor";

/**
 * Signicat's request objects, the one non-standard part of its login (docs/providers/signicat.md):
 * - eID Hub: a nested JWT, signed with the client's own registered key, then encrypted to
 *   Signicat's published `use: enc` key (OIDC Core §6.1, §10.1, §10.2);
 * - Enterprise: the authorisation parameters as a JWE of plain JSON to that key, with its `kid`
 *   and its `alg`, as signicat/OIDC-MLE's examples make it. Never signed with the client secret.
 */

/** Key-management algorithms the portal can encrypt with; the key's own `alg` chooses among them. */
const ENCRYPTION_ALGS = ["RSA-OAEP", "RSA-OAEP-256"] as const;

const jwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), use: z.string().optional(), alg: z.string().optional() })),
});

type EncryptionKey = { key: CryptoKey | Uint8Array; kid: string | undefined; alg: string };

/**
 * Encryption keys by JWKS URI, kept a few minutes as jose's remote JWK set keeps signing keys,
 * so a busy portal does not fetch the JWKS on every login; a rotated key is picked up within
 * that time. Only successes are kept: after a failed fetch the next login tries again.
 */
const encryptionKeys = promiseCache<EncryptionKey>(5 * 60 * 1000);

async function fetchEncryptionKey(jwksUri: string): Promise<EncryptionKey> {
  const res = await providerFetch(jwksUri, { headers: { accept: "application/json" } });
  if (!res.ok) throw new ProviderError("provider_error", `JWKS answered ${res.status}`);
  const parsed = jwksSchema.safeParse(await readJson(res));
  if (!parsed.success) throw new ProviderError("provider_error", "JWKS is malformed");
  const jwk = parsed.data.keys.find(
    (k) =>
      k.use === "enc" &&
      k.kty === "RSA" &&
      (k.alg === undefined || (ENCRYPTION_ALGS as readonly string[]).includes(k.alg)),
  ) as JWK | undefined;
  if (!jwk) throw new ProviderError("provider_error", "the provider publishes no RSA encryption key");
  // The key's own alg (Enterprise: RSA-OAEP); without one, RSA-OAEP-256 (our choice).
  const alg = jwk.alg ?? "RSA-OAEP-256";
  return { key: await importJWK(jwk, alg), kid: jwk.kid, alg };
}

/** The provider's published encryption key (`use: enc`) and its issuer. */
async function encryptionKey(cfg: SignicatConfig) {
  const metadata = await discover(cfg.issuer);
  const uri = metadata.jwks_uri;
  // Logins starting together make one request between them.
  return { ...(await encryptionKeys(uri, () => fetchEncryptionKey(uri))), issuer: metadata.issuer };
}

const signingKeys = new WeakMap<object, Promise<CryptoKey | Uint8Array>>();

/** The client's private signing key, imported once per configuration. */
function signingKey(signing: NonNullable<SignicatConfig["requestSigning"]>) {
  let key = signingKeys.get(signing);
  if (!key) {
    key =
      signing.key.format === "jwk"
        ? importJWK(signing.key.jwk as JWK, signing.alg)
        : importPKCS8(signing.key.pem, signing.alg);
    signingKeys.set(signing, key);
  }
  return key;
}

/** The authorisation parameters the portal decides; Auth.js adds state, nonce and PKCE. */
export type RequestParameters = Record<string, string | string[]>;

/** eID Hub: sign with the client's key (typ `oauth-authz-req+jwt`, RFC 9101), then encrypt. */
export async function eidHubRequestObject(cfg: SignicatConfig, params: RequestParameters): Promise<string> {
  const signing = cfg.requestSigning;
  if (!signing) throw new ProviderError("provider_error", "no request-object signing key is configured");
  const { key, kid, alg, issuer } = await encryptionKey(cfg);
  const signed = await new SignJWT({ ...params, client_id: cfg.clientId })
    .setProtectedHeader({
      alg: signing.alg,
      typ: "oauth-authz-req+jwt",
      ...(signing.kid ? { kid: signing.kid } : {}),
    })
    .setIssuer(cfg.clientId)
    .setAudience(issuer)
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime("5m")
    // Signicat keeps a jti unique per client for 24 hours, so each request object is single-use.
    .setJti(randomBytes(16).toString("base64url"))
    .sign(await signingKey(signing));
  return new CompactEncrypt(new TextEncoder().encode(signed))
    .setProtectedHeader({ alg, enc: cfg.requestEncryptionEnc, cty: "JWT", ...(kid ? { kid } : {}) })
    .encrypt(key);
}

/** Enterprise: the parameters as JSON, encrypted to the published key; its `kid` is required. */
export async function enterpriseRequestObject(
  cfg: SignicatConfig,
  params: RequestParameters,
): Promise<string> {
  const { key, kid, alg } = await encryptionKey(cfg);
  if (!kid) throw new ProviderError("provider_error", "the provider's encryption key has no kid");
  const payload = new TextEncoder().encode(JSON.stringify({ ...params, client_id: cfg.clientId }));
  return new CompactEncrypt(payload)
    .setProtectedHeader({ alg, enc: cfg.requestEncryptionEnc, typ: "JWE", kid })
    .encrypt(key);
}
