import "server-only";

import type { OIDCConfig } from "next-auth/providers";

import { IDURA_ID, type IduraConfig } from "./descriptor";
import { nordicEidIdentityFromClaims, type NordicEidIdentity } from "./identity";

/** Public contract: it forms the redirect URI `${AUTH_URL}/api/auth/callback/idura`. */
export { IDURA_ID };

/**
 * The eIDs the login page offers, each with the `acr_values` Idura knows it by (docs/providers/idura.md).
 * Their names, in each language, are `Eid.<key>` in messages/<locale>.json.
 */
export const IDURA_LOGIN_EIDS = {
  "dk-mitid": { acr: "urn:grn:authn:dk:mitid:substantial" },
  "dk-mitid-business": { acr: "urn:grn:authn:dk:mitid:business" },
  "se-bankid-same-device": { acr: "urn:grn:authn:se:bankid:same-device" },
  "se-bankid-another-device": { acr: "urn:grn:authn:se:bankid:another-device:qr" },
  "no-bankid": { acr: "urn:grn:authn:no:bankid" },
} as const;

export type IduraLoginEid = keyof typeof IDURA_LOGIN_EIDS;

/**
 * Idura web login: OpenID Connect authorization code flow with PKCE, state and nonce; endpoints
 * from discovery; claims from the ID token, whose signature auth.ts verifies (`oidcClients`).
 * The implicit flow is never used: see README.
 */
export function iduraProvider(cfg: IduraConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: IDURA_ID,
    name: "Idura Verify",
    type: "oidc",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: "openid", response_type: "code" } },
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      let identity: NordicEidIdentity | null = null;
      try {
        identity = nordicEidIdentityFromClaims(claims, IDURA_ID);
      } catch {
        identity = null;
      }
      return { id: String(claims.sub ?? ""), identity };
    },
  };
}
