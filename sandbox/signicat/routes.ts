import { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { SandboxConfig } from "../config";
import { sandboxError } from "../shared/errors";
import { jsonBody } from "../shared/forms";
import { t } from "../shared/i18n";
import type { Html } from "../shared/layout";
import { misbehaviourRoutes, misbehaviourSwitch, publishedKeys } from "../shared/misbehaviour";
import type { SandboxProvider } from "../shared/provider";
import { loadSigningKey } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { loginFlowRoutes, SUPPORTED_SCOPES } from "./login-flow";
import { personaText } from "./pages";
import { findPersonaByUserId, PERSONAS, SANDBOX_CREDENTIALS } from "./personas";
import {
  generateEncryptionKey,
  REQUEST_OBJECT_ENCRYPTION,
  REQUEST_OBJECT_SIGNING_ALG,
  SignicatState,
  type SignicatSettings,
} from "./state";
import { tokenRoutes } from "./tokens";

const ISSUER_PATH = "/auth/open";

export function signicatSettings(config: SandboxConfig): SignicatSettings {
  return {
    issuer: `${config.issuerBase}/signicat${ISSUER_PATH}`,
    clientId: config.signicat.clientId,
    clientSecret: config.signicat.clientSecret,
    clients: [
      { clientId: config.signicat.clientId, clientSecret: config.signicat.clientSecret },
      ...config.signicat.extraClients,
    ],
    redirectUris: config.signicat.redirectUris,
  };
}

const CLAIMS = [
  "sub",
  "name",
  "given_name",
  "family_name",
  "birthdate",
  "idp_id",
  "nin",
  "nin_type",
  "nin_issuing_country",
  "mitid_uuid",
  "mitid_has_cpr",
  "mitid_cpr_source",
  "mitid_ial",
  "mitid_loa",
  "mitid_aal",
  "mitid_fal",
  "mitid_transaction_id",
  "auth_token_id",
  "signicat.organization.number",
  "signicat.organization.name",
];

const psd2Schema = z.strictObject({ client_id: z.string().min(1).max(200), psd2: z.boolean() });
const forgetSchema = z.strictObject({ user_id: z.string().min(1).max(200).optional() });

/**
 * The Signicat MitID broker, mounted at /signicat. Its issuer is shaped like Signicat's
 * `https://<domain>/auth/open`, with the endpoints under `/connect/…`.
 */
export async function createSignicat(config: SandboxConfig, now: Clock): Promise<SandboxProvider> {
  const settings = signicatSettings(config);
  const state = new SignicatState(
    settings,
    await loadSigningKey(),
    await generateEncryptionKey(),
    now,
    config.signicat,
    await loadSigningKey(),
  );
  const { issuer } = settings;

  const open = new Hono();
  const discovery = () => ({
    issuer,
    authorization_endpoint: `${issuer}/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: SUPPORTED_SCOPES,
    claims_supported: CLAIMS,
    acr_values_supported: ["LOW", "SUBSTANTIAL", "HIGH"],
    request_parameter_supported: true,
    request_object_signing_alg_values_supported: [REQUEST_OBJECT_SIGNING_ALG],
    request_object_encryption_alg_values_supported: [REQUEST_OBJECT_ENCRYPTION.alg],
    request_object_encryption_enc_values_supported: [REQUEST_OBJECT_ENCRYPTION.enc],
    authorization_response_iss_parameter_supported: true,
  });
  open.get("/.well-known/openid-configuration", (c) => c.json(discovery()));
  // A fixture, as Digidentity's: an issuer URL whose discovery document names another issuer.
  open.get("/misissued/.well-known/openid-configuration", (c) => c.json(discovery()));
  open.get("/.well-known/openid-configuration/jwks", (c) =>
    c.json({
      keys: [
        ...publishedKeys(state.misbehaviour, state.signingKey, state.rotatedKey),
        state.encryptionKey.publicJwk,
      ],
    }),
  );
  open.route("/", loginFlowRoutes(state));
  open.route("/", tokenRoutes(state));

  const routes = new Hono();
  routes.route(ISSUER_PATH, open);

  routes.route("/", misbehaviourRoutes(state.misbehaviour));
  routes.route("/", state.issued.routes());
  // PSD2 back to its configuration only; see SignicatState.reset for what it leaves alone.
  routes.post("/control/reset", (c) => {
    state.reset();
    return c.json({ ok: true, status: "reset" });
  });
  routes.post("/control/psd2", async (c) => {
    const parsed = psd2Schema.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success)
      return sandboxError(c, 400, "invalid_request", 'expected {"client_id": "…", "psd2": true|false}');
    if (state.clientSecret(parsed.data.client_id) === undefined) {
      return sandboxError(c, 404, "unknown_client", "no such client");
    }
    state.setPsd2(parsed.data.client_id, parsed.data.psd2);
    return c.json({ ok: true, status: parsed.data.psd2 ? "psd2_on" : "psd2_off" });
  });
  routes.post("/control/cpr-cache/forget", async (c) => {
    const parsed = forgetSchema.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return sandboxError(c, 400, "invalid_request", 'expected {} or {"user_id": "…"}');
    const persona = parsed.data.user_id === undefined ? undefined : findPersonaByUserId(parsed.data.user_id);
    if (parsed.data.user_id !== undefined && !persona) {
      return sandboxError(c, 404, "unknown_user", "no such MitID user ID");
    }
    const removed = state.cprCache.forget({ mitidUuid: persona?.mitidUuid });
    return c.json({ ok: true, status: "forgotten", removed });
  });

  return {
    prefix: "/signicat",
    name: "Signicat MitID",
    routes,
    homeSection: () => homeSection(settings, state),
  };
}

function homeSection(settings: SignicatSettings, state: SignicatState): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>${t("signicat.home.heading")}</h2>
    <p>
      ${t("home.issuer")} <code>${issuer}</code><br />
      ${t("home.discovery")} <code>${issuer}/.well-known/openid-configuration</code>
    </p>
    <p>
      ${t("home.clients")}
      ${settings.clients.map(
        (client, i) =>
          html`${i > 0 ? ", " : ""}<code>${client.clientId}</code>${
            state.psd2(client.clientId) ? ` (${t("signicat.home.psd2On")})` : ""
          }`,
      )},
      ${t("home.redirectUris")}
      ${settings.redirectUris.map((uri, i) => html`${i > 0 ? ", " : ""}<code>${uri}</code>`)}
    </p>
    <h3>${t("home.personas")}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">${t("signicat.userId.label")}</th>
          <th scope="col">${t("home.persona")}</th>
          <th scope="col">${t("home.demonstrates")}</th>
        </tr>
      </thead>
      <tbody>
        ${PERSONAS.map(
          (p) =>
            html`<tr>
              <td><code>${p.userId}</code></td>
              <td>${personaText(p.userId, "label")}</td>
              <td>${personaText(p.userId, "demonstrates")}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted">
      ${t("signicat.home.appPin")} <code>${SANDBOX_CREDENTIALS.appPin}</code> ${t("signicat.home.appLevels")}
      ${t("signicat.userId.credentials.password")}
      <code>${SANDBOX_CREDENTIALS.password}</code> ${t("signicat.userId.credentials.otp")}
      <code>${SANDBOX_CREDENTIALS.otp}</code>
      (SUBSTANTIAL).
    </p>
    <h3>${t("home.controlEndpoints")}</h3>
    <ul>
      <li>
        <code>POST /signicat/control/psd2</code> ${t("home.withJson")}
        <code>{"client_id": "…", "psd2": true}</code>
      </li>
      <li>
        <code>POST /signicat/control/cpr-cache/forget</code> ${t("home.withJson")}
        <code>{"user_id": "…"}</code> ${t("home.or")} <code>{}</code>
      </li>
      <li><code>POST /signicat/control/reset</code> — ${t("signicat.home.reset")}</li>
      <li><code>GET /signicat/control/issued</code> — ${t("signicat.home.issued")}</li>
      <li><code>${issuer}/misissued</code> — ${t("home.misissued")}</li>
    </ul>
    ${misbehaviourSwitch("/signicat", state.misbehaviour)}
  </section>`;
}
