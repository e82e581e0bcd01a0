import { Hono } from "hono";
import type { DigidentitySandboxConfig } from "./config";
import type { SandboxProvider } from "../shared/provider";
import { misbehaviourRoutes, publishedKeys } from "../shared/misbehaviour";
import { openidConfigurationRoutes } from "../shared/oidc/discovery";
import { loadSigningKey } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { digidentityHomeSection } from "./home-section";
import { passwordlessRoutes } from "./passwordless";
import { digidentitySettings } from "./settings";
import { DigidentityState } from "./state";
import { reportRoutes } from "./reports";
import { tokenRoutes } from "./token-routes";
import { webLoginRoutes } from "./web-login";

const UID_CLAIMS = ["cabuid", "iouid", "ioeuid", "rssuid", "rsseuid"];

/** The Digidentity sandbox, mounted at /digidentity; its issuer is `${SANDBOX_ISSUER_BASE}/digidentity`. */
export async function createDigidentity(
  config: DigidentitySandboxConfig,
  now: Clock,
): Promise<SandboxProvider> {
  const settings = digidentitySettings(config);
  const signingKey = await loadSigningKey(config.signingKey);
  const state = new DigidentityState(settings, signingKey, now, await loadSigningKey());
  const { issuer } = settings;

  const routes = new Hono();

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    userinfo_endpoint: `${issuer}/user_info.json`,
    jwks_uri: `${issuer}/oauth2/jwks`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "client_credentials"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ["openid", "sermi"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", ...UID_CLAIMS],
    authorization_response_iss_parameter_supported: true,
  };
  routes.route("/", openidConfigurationRoutes(discovery));

  routes.get("/oauth2/jwks", (c) =>
    c.json({ keys: publishedKeys(state.misbehaviour, signingKey, state.rotatedKey) }),
  );
  routes.route("/", misbehaviourRoutes(state.misbehaviour));

  routes.route("/", webLoginRoutes(state));
  routes.route("/", passwordlessRoutes(state));
  routes.route("/", tokenRoutes(state));
  routes.route("/", reportRoutes(state));

  return {
    prefix: "/digidentity",
    name: "Digidentity",
    routes,
    homeSection: () => digidentityHomeSection(settings, state.misbehaviour),
  };
}
