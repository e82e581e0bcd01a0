import "server-only";

import type { OIDCConfig } from "next-auth/providers";

import type { DigidentityConfig } from "./descriptor";
import { sermiIdentityFromUserInfo, type SermiIdentity } from "@/lib/identity";

/** Public contract: it forms the redirect URI `${AUTH_URL}/api/auth/callback/digidentity`. */
import { DIGIDENTITY_ID } from "./descriptor";

export { DIGIDENTITY_ID };

type Digidentity = DigidentityConfig;

/** UID attributes need the product scope from onboarding plus `openid` and `sermi` (seed 001). */
export function digidentityScope(cfg: Digidentity): string {
  return `${cfg.productScope} openid sermi`;
}

/**
 * Digidentity web login: the OpenID Connect authorization code flow with PKCE, state and nonce.
 * Endpoints come from discovery, so any standard OpenID provider works, not only the sandbox.
 * `idToken: false` makes Auth.js fetch the userinfo endpoint, which is where the UID attributes
 * live, and check that its `sub` equals the ID token's.
 */
export function digidentityProvider(cfg: Digidentity): OIDCConfig<Record<string, unknown>> {
  return {
    id: DIGIDENTITY_ID,
    name: "Digidentity",
    type: "oidc",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: digidentityScope(cfg) } },
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    profile(userinfo) {
      // A missing UID set is reported by the signIn callback, which can show a specific page.
      let identity: SermiIdentity | null = null;
      try {
        identity = sermiIdentityFromUserInfo(userinfo, DIGIDENTITY_ID);
      } catch {
        identity = null;
      }
      return { id: String(userinfo.sub ?? ""), identity };
    },
  };
}
