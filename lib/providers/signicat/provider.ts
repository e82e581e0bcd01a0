import "server-only";

import { CompactEncrypt, importJWK, SignJWT, type JWK } from "jose";
import type { OIDCConfig } from "next-auth/providers";
import { randomBytes } from "node:crypto";
import { z } from "zod";

import type { SignicatConfig } from "./descriptor";
import { mitidIdentityFromUserInfo, type MitidFlow } from "@/lib/identity";
import { discover } from "@/lib/oidc/discovery";
import { ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";

/** Public contract: it forms the redirect URI `${AUTH_URL}/api/auth/callback/signicat`. */
import { SIGNICAT_ID } from "./descriptor";

export { SIGNICAT_ID };

type Signicat = SignicatConfig;

const BASE_SCOPES = "openid profile idp-id mitid-extra";

/**
 * Which Signicat add-on a login uses is chosen by scope: `nin` asks for CPR matching,
 * `mitid.business` for MitID Business, `signicat.organization` alone for Private for Business.
 * At the real Signicat the add-ons are also configured on the client's method (README).
 */
export const SIGNICAT_FLOW_SCOPES: Record<MitidFlow, string> = {
  mitid: BASE_SCOPES,
  cpr: `${BASE_SCOPES} nin`,
  business: `${BASE_SCOPES} signicat.organization mitid.business`,
  company: `${BASE_SCOPES} signicat.organization`,
};

/**
 * Signicat MitID: the OpenID Connect code flow with PKCE, state and nonce, endpoints from
 * discovery. `idToken: false` makes Auth.js fetch userinfo, where the MitID claims live, and
 * check its `sub` against the ID token's; the ID token's signature is verified in auth.ts.
 */
export function signicatProvider(cfg: Signicat): OIDCConfig<Record<string, unknown>> {
  return {
    id: SIGNICAT_ID,
    name: "MitID (Signicat)",
    type: "oidc",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: SIGNICAT_FLOW_SCOPES.mitid } },
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    profile(userinfo) {
      // Missing claims are reported by the signIn callback, which can show a specific page.
      try {
        const { identity, authTokenId } = mitidIdentityFromUserInfo(userinfo);
        return { id: identity.subject, identity, stepUpToken: authTokenId };
      } catch {
        return { id: String(userinfo.sub ?? ""), identity: null };
      }
    },
  };
}

/** What the portal asks Signicat for in one login. */
export type SignicatLoginRequest = {
  flow: MitidFlow;
  /** Ten digits; travels only inside the encrypted request object. */
  cpr?: string;
  /** Eight digits: the company the user must be able to act for. */
  cvr?: string;
  /** Re-authenticate the same person at a higher level, without the user ID. */
  stepUp?: { authTokenId: string; level: "HIGH" };
};

const jwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), use: z.string().optional() })),
});

type EncryptionKey = { key: CryptoKey | Uint8Array; kid: string | undefined };

/**
 * Encryption keys by JWKS URI. Kept a few minutes, as jose's `createRemoteJWKSet` keeps signing
 * keys, so a busy portal does not fetch the JWKS on every login that sends prefills; a key
 * Signicat rotates is picked up within that time. Only successes are kept: after a failed
 * fetch the next login tries again.
 */
const encryptionKeys = new Map<string, { at: number; value: Promise<EncryptionKey> }>();
const ENCRYPTION_KEY_CACHE_MS = 5 * 60 * 1000;

async function fetchEncryptionKey(jwksUri: string): Promise<EncryptionKey> {
  const res = await providerFetch(jwksUri, { headers: { accept: "application/json" } });
  if (!res.ok) throw new ProviderError("provider_error", `JWKS answered ${res.status}`);
  const parsed = jwksSchema.safeParse(await readJson(res));
  if (!parsed.success) throw new ProviderError("provider_error", "JWKS is malformed");
  const jwk = parsed.data.keys.find(
    (k) => k.use === "enc" && k.kty === "RSA" && (k.alg === undefined || k.alg === "RSA-OAEP-256"),
  ) as JWK | undefined;
  if (!jwk) throw new ProviderError("provider_error", "the provider publishes no RSA encryption key");
  return { key: await importJWK(jwk, "RSA-OAEP-256"), kid: jwk.kid };
}

/** The provider's published encryption key (`use: enc`). */
async function encryptionKey(cfg: Signicat) {
  const metadata = await discover(cfg.issuer);
  const uri = metadata.jwks_uri;
  let hit = encryptionKeys.get(uri);
  if (!hit || Date.now() - hit.at >= ENCRYPTION_KEY_CACHE_MS) {
    // The promise is shared, so logins starting together make one request between them.
    hit = { at: Date.now(), value: fetchEncryptionKey(uri) };
    encryptionKeys.set(uri, hit);
    const entry = hit;
    entry.value.catch(() => {
      if (encryptionKeys.get(uri) === entry) encryptionKeys.delete(uri);
    });
  }
  return { ...(await hit.value), issuer: metadata.issuer };
}

/**
 * OIDC Core §6.1 request object carrying Signicat's prefills as `login_hint`: a JWT signed with
 * the client secret (§10.1), then encrypted to the provider's key (§10.2). Signicat accepts a
 * prefilled CPR only this way, so the CPR never appears in a URL or browser history.
 */
async function encryptedRequestObject(cfg: Signicat, loginHint: string[]): Promise<string> {
  const { key, kid, issuer } = await encryptionKey(cfg);
  const signed = await new SignJWT({ client_id: cfg.clientId, login_hint: loginHint })
    .setProtectedHeader({ alg: "HS256", typ: "oauth-authz-req+jwt" })
    .setIssuer(cfg.clientId)
    .setAudience(issuer)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomBytes(16).toString("base64url"))
    .sign(new TextEncoder().encode(cfg.clientSecret));
  return new CompactEncrypt(new TextEncoder().encode(signed))
    .setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256GCM", cty: "JWT", ...(kid ? { kid } : {}) })
    .encrypt(key);
}

/**
 * The extra authorization parameters for one login. Every prefill goes into the encrypted
 * request object, not only the CPR: an `auth_token_id` is a provider token and stays out of URLs too.
 */
export async function signicatAuthorizationParams(
  cfg: Signicat,
  login: SignicatLoginRequest,
): Promise<Record<string, string>> {
  const hints: string[] = [];
  if (login.cpr) hints.push(`subject-${login.cpr}`);
  if (login.cvr) hints.push(`cvr-${login.cvr}`);
  if (login.stepUp) {
    hints.push(
      `authTokenId-${login.stepUp.authTokenId}`,
      `assuranceLevel-${login.stepUp.level}`,
      "assuranceMethod-LOA",
    );
  }
  const params: Record<string, string> = { scope: SIGNICAT_FLOW_SCOPES[login.flow] };
  if (hints.length > 0) params.request = await encryptedRequestObject(cfg, hints);
  return params;
}
