import { html } from "hono/html";
import { codeList, personaTable } from "../shared/home-parts";
import { t } from "../shared/i18n";
import type { Html } from "../shared/layout";
import { misbehaviourSwitch, type MisbehaviourBook } from "../shared/misbehaviour";
import { personaText } from "./pages";
import { PERSONAS } from "./personas";
import type { DigidentitySettings } from "./settings";

export function digidentityHomeSection(settings: DigidentitySettings, misbehaviour: MisbehaviourBook): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>${t("digidentity.home.heading")}</h2>
    <p>
      ${t("home.issuer")} <code>${issuer}</code><br />
      ${t("home.discovery")} <code>${issuer}/.well-known/openid-configuration</code><br />
      ${t("digidentity.home.qrOpens")} <code>${settings.publicUrl}/digidentity/app/qr/…</code>
    </p>
    <p>
      ${t("home.clients")} ${codeList(settings.clients.map((client) => client.clientId))},
      ${t("digidentity.home.productScope")} <code>${settings.productScope}</code>, ${t("home.redirectUris")}
      ${codeList(settings.redirectUris)}
    </p>
    <h3>${t("home.personas")}</h3>
    ${personaTable(
      ["id", t("home.persona"), t("home.demonstrates"), t("digidentity.pin")],
      PERSONAS.map((persona) => [
        html`<code>${persona.id}</code>`,
        html`${personaText(persona.id, "label")}`,
        html`${personaText(persona.id, "demonstrates")}`,
        html`<code>${persona.pin}</code>`,
      ]),
    )}
    <h3>${t("home.controlEndpoints")}</h3>
    <ul>
      <li>
        <code>POST ${issuer}/control/qr/:qrId/approve</code> ${t("home.withJson")}
        <code>{"persona": "ioe"}</code>
      </li>
      <li><code>POST ${issuer}/control/qr/:qrId/decline</code></li>
      <li><code>POST ${issuer}/control/qr/:qrId/expire</code></li>
      <li><code>GET ${issuer}/control/issued</code> — ${t("digidentity.home.issued")}</li>
      <li><code>POST ${issuer}/control/reset</code> — ${t("digidentity.home.reset")}</li>
    </ul>
    ${misbehaviourSwitch("/digidentity", misbehaviour)}
  </section>`;
}
