import "server-only";

import type { OAuthConfig } from "next-auth/providers";

import { DIGIDENTITY_ID, type DigidentityConfig } from "./descriptor";
import { verifyOptionalIdToken } from "./tokens";
import { authorizationServer } from "./upstream";
import { fetchUserInfo, sermiIdentityOrNull } from "./userinfo";

/** Public contract: it forms the redirect URI `${AUTH_URL}/api/auth/callback/digidentity`. */
export { DIGIDENTITY_ID };

/** UID attributes need the product scope from onboarding plus `openid` and `sermi` (docs/providers/digidentity.md). */
export function digidentityScope(cfg: DigidentityConfig): string {
  return `${cfg.productScope} openid sermi`;
}

/**
 * Digidentity web login: the authorization code flow with state and PKCE, endpoints from
 * discovery. Digidentity documents an access token and `user_info.json`, not an ID token
 * (docs/providers/digidentity.md, "ID token"), so this is an Auth.js `oauth` provider: Auth.js
 * then neither demands an ID token nor sends a nonce. The userinfo step verifies an ID token
 * when one comes (signature included) and makes userinfo's `sub` equal it.
 */
export function digidentityProvider(cfg: DigidentityConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: DIGIDENTITY_ID,
    name: "Digidentity",
    type: "oauth",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: digidentityScope(cfg) } },
    checks: ["pkce", "state"],
    userinfo: {
      async request({ tokens }: { tokens: { access_token?: string; id_token?: string } }) {
        const as = await authorizationServer(cfg);
        const subject = await verifyOptionalIdToken(cfg, as, tokens.id_token);
        return fetchUserInfo(cfg, as, tokens.access_token ?? "", subject);
      },
    },
    profile(userinfo) {
      // A missing UID set is reported by the signIn callback, which can show a specific page.
      return { id: String(userinfo.sub ?? ""), identity: sermiIdentityOrNull(userinfo, DIGIDENTITY_ID) };
    },
  };
}
