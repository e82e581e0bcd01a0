import { Hono } from "hono";
import { noStore, oauthError } from "../shared/errors";
import { parseBearer } from "../shared/http-auth";
import { publishedKeys } from "../shared/misbehaviour";
import { openidConfigurationRoutes } from "../shared/oidc/discovery";
import { userinfoClaims } from "./claims";
import { ACR } from "./personas";
import type { IduraState } from "./state";
import { CIBA_GRANT, HEADLESS_GRANT } from "./token";

/** A different person's `sub`, for the `userinfo_sub_mismatch` misbehaviour. */
const SOMEONE_ELSE = "{00000000-0000-4000-8000-000000000000}";

/** Discovery, the signing keys and userinfo. */
export function metadataRoutes(state: IduraState): Hono {
  const app = new Hono();
  const { issuer } = state.settings;

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    userinfo_endpoint: `${issuer}/oauth2/userinfo`,
    jwks_uri: `${issuer}/.well-known/jwks`,
    backchannel_authentication_endpoint: `${issuer}/ciba/bc-authorize`,
    backchannel_token_delivery_modes_supported: ["poll"],
    backchannel_user_code_parameter_supported: false,
    // The sandbox offers no implicit flow: Idura keeps it for test domains only, and the portal refuses it.
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", CIBA_GRANT, HEADLESS_GRANT],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    acr_values_supported: Object.keys(ACR),
    scopes_supported: ["openid", "ssn"],
    authorization_response_iss_parameter_supported: true,
  };
  app.route("/", openidConfigurationRoutes(discovery));
  app.get("/.well-known/jwks", (c) =>
    c.json({ keys: publishedKeys(state.misbehaviour, state.signingKey, state.rotatedKey) }),
  );
  app.get("/oauth2/userinfo", (c) => {
    const token = parseBearer(c.req.header("authorization"));
    const grant = token ? state.accessTokens.get(token) : undefined;
    if (!grant) return oauthError(c, 401, "invalid_token", "unknown or expired access token");
    const claims = userinfoClaims(grant, issuer, state.now());
    if (state.misbehaviour.of(grant.clientId) === "userinfo_sub_mismatch") claims.sub = SOMEONE_ELSE;
    return c.json(claims, 200, noStore);
  });

  return app;
}
