import { Hono } from "hono";
import { html } from "hono/html";
import type { JWK } from "jose";
import type { SignicatSandboxConfig } from "./config";
import { t } from "../shared/i18n";
import { codeList, personaTable } from "../shared/home-parts";
import type { Html } from "../shared/layout";
import { misbehaviourSwitch } from "../shared/misbehaviour";
import type { SandboxProvider } from "../shared/provider";
import { loadSigningKey } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { controlRoutes } from "./control";
import { discoveryRoutes } from "./discovery";
import { personaText } from "./pages";
import { PERSONAS, SANDBOX_CREDENTIALS } from "./personas";
import { EID_HUB, ENTERPRISE } from "./platform";
import { SANDBOX_PORTAL_REQUEST_KEY } from "./registered-keys";
import { signicatSettings, type SignicatSettings } from "./settings";
import { generateEncryptionKey, SignicatState } from "./state";
import { tokenRoutes } from "./tokens";
import { webLoginRoutes } from "./web-login";
import { partnerRoutes } from "./partner";
import {
  CTA_SCOPE,
  SANDBOX_BROKER_ID,
  serviceProviderId,
  sessionTransferApiRoutes,
  sessionTransferControlRoutes,
  TRANSFER_API_PATH,
} from "./session-transfer";

/**
 * The Signicat MitID broker, mounted at /signicat, as both platforms a customer can hold: the
 * eID Hub at `/signicat/auth/open` (`https://<domain>/auth/open`) and Enterprise at
 * `/signicat/oidc` (`https://<env>.signicat.com/oidc`). They share the MitID users, the screens
 * and the control endpoints; what differs is in platform.ts.
 */
export async function createSignicat(config: SignicatSandboxConfig, now: Clock): Promise<SandboxProvider> {
  const settings = signicatSettings(config);
  const registeredKeys: JWK[] = [{ ...SANDBOX_PORTAL_REQUEST_KEY }, ...config.signicat.clientKeys];
  const state = new SignicatState(
    settings,
    await loadSigningKey(),
    {
      "eid-hub": await generateEncryptionKey(EID_HUB.encryptionAlg),
      enterprise: await generateEncryptionKey(ENTERPRISE.encryptionAlg),
    },
    registeredKeys,
    now,
    config.signicat,
    await loadSigningKey(),
  );

  const routes = new Hono();
  for (const dialect of [EID_HUB, ENTERPRISE]) {
    const platform = new Hono();
    platform.route("/", discoveryRoutes(state, dialect));
    platform.route("/", webLoginRoutes(state, dialect));
    platform.route("/", tokenRoutes(state, dialect));
    routes.route(dialect.issuerPath, platform);
  }
  routes.route("/", controlRoutes(state));
  const clientIds = () => settings.clients.map((client) => client.clientId);
  routes.route("/", sessionTransferApiRoutes(state.transfer, clientIds));
  routes.route("/", sessionTransferControlRoutes(state.transfer, clientIds));
  const partner = config.signicat.partner;
  routes.route(
    "/partner",
    partnerRoutes(state, {
      clientId: partner.clientId,
      name: partner.name,
      portals: partner.portals,
      portalName: (clientId) => clientName(config, clientId),
      base: `${settings.base}/partner`,
    }),
  );

  return {
    prefix: "/signicat",
    name: "Signicat MitID",
    routes,
    homeSection: () => homeSection(settings, state, config),
  };
}

function homeSection(settings: SignicatSettings, state: SignicatState, config: SignicatSandboxConfig): Html {
  const issuer = state.issuer(EID_HUB);
  const enterprise = state.issuer(ENTERPRISE);
  return html`<section class="card">
    <h2>${t("signicat.home.heading")}</h2>
    <p>
      ${t("home.issuer")} <code>${issuer}</code> (eID Hub), <code>${enterprise}</code> (Enterprise)<br />
      ${t("home.discovery")} <code>${issuer}/.well-known/openid-configuration</code>,
      <code>${enterprise}/.well-known/openid-configuration</code>
    </p>
    <p>
      ${t("home.clients")}
      ${settings.clients.map(
        (client, i) =>
          html`${i > 0 ? ", " : ""}<code>${client.clientId}</code>${
            state.psd2(client.clientId) ? ` (${t("signicat.home.psd2On")})` : ""
          }`,
      )},
      ${t("home.redirectUris")} ${codeList(settings.redirectUris)}
    </p>
    <h3>${t("home.personas")}</h3>
    ${personaTable(
      [t("signicat.userId.label"), t("home.persona"), t("home.demonstrates")],
      PERSONAS.map((p) => [
        html`<code>${p.userId}</code>`,
        html`${personaText(p.userId, "label")}`,
        html`${personaText(p.userId, "demonstrates")}`,
      ]),
    )}
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
    ${sessionTransferSection(settings, state, config)} ${misbehaviourSwitch("/signicat", state.misbehaviour)}
  </section>`;
}

function clientName(config: SignicatSandboxConfig, clientId: string): string {
  return config.clientNames[clientId] ?? clientId;
}

/** What the home page says about MitID Session Transfer and the partner service. */
function sessionTransferSection(
  settings: SignicatSettings,
  state: SignicatState,
  config: SignicatSandboxConfig,
): Html {
  const partner = config.signicat.partner;
  return html`<h3>${t("signicat.home.transfer.heading")}</h3>
    <p>${t("signicat.home.transfer.intro")}</p>
    <ul>
      <li>
        ${t("signicat.home.transfer.api")}
        <code>POST ${settings.base}${TRANSFER_API_PATH}</code> (<code>Bearer</code>,
        ${t("signicat.home.transfer.scope")} <code>${CTA_SCOPE}</code>,
        <code>grant_type=client_credentials</code>)
      </li>
      <li>${t("signicat.home.transfer.broker")} <code>${SANDBOX_BROKER_ID}</code></li>
      <li>
        ${t("signicat.home.transfer.serviceProviders")}
        ${settings.clients.map(
          (client, i) =>
            html`${i > 0 ? ", " : ""}<code>${client.clientId}</code> →
              <code>${serviceProviderId(client.clientId)}</code>${
                state.transfer.enabledFor(client.clientId) ? ` (${t("signicat.home.transfer.enabled")})` : ""
              }`,
        )}
      </li>
      <li>${t("signicat.home.transfer.lifetime", { seconds: config.signicat.transferCodeTtlSeconds })}</li>
      <li>
        ${t("signicat.home.transfer.partner", { name: partner.name })}
        <a href="${settings.base}/partner">${settings.base}/partner</a>
      </li>
      <li>
        <code>POST /signicat/control/session-transfer/lifetime</code> ${t("home.withJson")}
        <code>{"client_id": "…", "seconds": 0}</code> (<code>null</code>:
        ${t("signicat.home.transfer.default")})
      </li>
      <li>
        <code>POST /signicat/control/session-transfer/expire</code> ${t("home.withJson")}
        <code>{"user_id": "…"}</code>
      </li>
      <li>
        <code>POST /signicat/partner/control/next-redemption</code> ${t("home.withJson")}
        <code>{"mode": "wrong-text"}</code> — ${t("signicat.home.transfer.nextRedemption")}
      </li>
    </ul>`;
}
