import { html } from "hono/html";
import { t } from "../shared/i18n";
import type { Html } from "../shared/layout";
import { misbehaviourSwitch, type MisbehaviourBook } from "../shared/misbehaviour";
import { personaText } from "./pages";
import { PERSONAS } from "./personas";
import type { DigidentitySettings } from "./sessions";

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
      ${t("home.clients")}
      ${settings.clients.map((client, i) => html`${i > 0 ? ", " : ""}<code>${client.clientId}</code>`)},
      ${t("digidentity.home.productScope")} <code>${settings.productScope}</code>, ${t("home.redirectUris")}
      ${settings.redirectUris.map((uri, i) => html`${i > 0 ? ", " : ""}<code>${uri}</code>`)}
    </p>
    <h3>${t("home.personas")}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">id</th>
          <th scope="col">${t("home.persona")}</th>
          <th scope="col">${t("home.demonstrates")}</th>
          <th scope="col">${t("digidentity.pin")}</th>
        </tr>
      </thead>
      <tbody>
        ${PERSONAS.map(
          (persona) =>
            html`<tr>
              <td><code>${persona.id}</code></td>
              <td>${personaText(persona.id, "label")}</td>
              <td>${personaText(persona.id, "demonstrates")}</td>
              <td><code>${persona.pin}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
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
