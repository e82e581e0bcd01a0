import { html } from "hono/html";
import { codeList, personaTable } from "../shared/home-parts";
import { t, type MessageKey } from "../shared/i18n";
import type { Html } from "../shared/layout";
import { misbehaviourSwitch, type MisbehaviourBook } from "../shared/misbehaviour";
import { IDTOKEN_PERSONAS, IDTOKEN_SANDBOX_PIN } from "./personas";
import type { IdtSettings } from "./settings";
import { IDTOKEN_SANDBOX_HMAC_KEY } from "./state";

export function idTokenHomeSection(
  settings: IdtSettings,
  misbehaviour: MisbehaviourBook,
  prefix: string,
): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>${t("idtoken.home.heading")}</h2>
    <p>
      ${t("idtoken.home.operator")} <code>${issuer}</code><br />
      JWKS: <code>${issuer}/.well-known/jwks.json</code> (ES256)<br />
      WebSocket: <code>${issuer.replace(/^http/, "ws")}/ws/session/{sessionId}?token={wsToken}</code><br />
      ${t("idtoken.home.services")} ${codeList(settings.serviceIds)}, ${t("idtoken.home.scopeCeiling")}
      ${codeList(settings.allowedScopes)};
      ${t("idtoken.home.sessionsLive", { seconds: settings.sessionTtlSeconds })}
    </p>
    <p class="muted">
      ${t("idtoken.home.hmacKey")} <code>${IDTOKEN_SANDBOX_HMAC_KEY}</code>,
      <code>HMAC-SHA256({sessionId}.{random})</code>
    </p>
    <h3>${t("idtoken.home.holders")}</h3>
    ${personaTable(
      ["tokenId", t("idtoken.home.holder"), t("home.demonstrates"), t("idtoken.home.phoneApp")],
      IDTOKEN_PERSONAS.map((p) => [
        html`<code>${p.tokenId}</code>`,
        html`${p.label}`,
        html`${t(`idtoken.personas.${p.tokenId}` as MessageKey)}`,
        html`<a href="${prefix}/app/${p.tokenId}">${t("idtoken.home.open")}</a>`,
      ]),
    )}
    <p class="muted">${t("idtoken.home.pin")} <code>${IDTOKEN_SANDBOX_PIN}</code>.</p>
    <h3>${t("home.controlEndpoints")}</h3>
    <ul>
      <li>
        <code>POST ${issuer}/control/tokens/:tokenId/{approve|reject}</code> ${t("home.withJson")}
        <code>{"otp"?: "123456", "scopes"?: […], "reason"?: "Invalid OTP"}</code> —
        ${t("idtoken.home.answer")}
      </li>
      <li><code>POST ${issuer}/control/tokens/:tokenId/expire</code> — ${t("idtoken.home.expire")}</li>
      <li>
        <code>POST ${issuer}/control/reset</code> —
        ${t("idtoken.home.resetService", { body: '{"service_id": "…"}' })}
      </li>
      <li>
        <code>POST ${issuer}/control/session-claim</code> ${t("home.withJson")}
        <code>{"service_id": "…", "claim": "sid" | null}</code> — ${t("idtoken.home.sessionClaim")}
      </li>
      <li><code>GET ${issuer}/control/issued</code> — ${t("idtoken.home.issued")}</li>
    </ul>
    ${misbehaviourSwitch(prefix, misbehaviour)}
  </section>`;
}
