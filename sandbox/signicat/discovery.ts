import { Hono } from "hono";
import { publishedKeys } from "../shared/misbehaviour";
import { openidConfigurationRoutes } from "../shared/oidc/discovery";
import type { PlatformDialect } from "./platform";
import { REQUEST_OBJECT_CONTENT_ENCRYPTION, REQUEST_OBJECT_SIGNING_ALGS, type SignicatState } from "./state";

/**
 * One platform's discovery document and JWKS (a signing key and its `use: enc` key). The
 * eID Hub's members follow a recorded discovery document (docs/providers/signicat.md), which
 * lists no `acr_values_supported`; Enterprise's endpoints are this sandbox's reading of `/oidc`.
 */
export function discoveryRoutes(state: SignicatState, dialect: PlatformDialect): Hono {
  const app = new Hono();
  const issuer = state.issuer(dialect);
  const e = dialect.endpoints;
  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}${e.authorize}`,
    token_endpoint: `${issuer}${e.token}`,
    userinfo_endpoint: `${issuer}${e.userinfo}`,
    jwks_uri: `${issuer}${e.jwks}`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: [...dialect.scopes],
    request_parameter_supported: true,
    ...(dialect.requestObject === "signed-jwt"
      ? { request_object_signing_alg_values_supported: REQUEST_OBJECT_SIGNING_ALGS }
      : {}),
    request_object_encryption_alg_values_supported: [dialect.encryptionAlg],
    request_object_encryption_enc_values_supported: REQUEST_OBJECT_CONTENT_ENCRYPTION,
    authorization_response_iss_parameter_supported: true,
  };
  app.route("/", openidConfigurationRoutes(discovery));
  app.get(e.jwks, (c) =>
    c.json({
      keys: [
        ...publishedKeys(state.misbehaviour, state.signingKey, state.rotatedKey),
        state.encryptionKeys[dialect.platform].publicJwk,
      ],
    }),
  );
  return app;
}
