import { html } from "hono/html";
import { codeList, personaTable } from "../shared/home-parts";
import { t, type MessageKey } from "../shared/i18n";
import type { Html } from "../shared/layout";
import { misbehaviourSwitch, type MisbehaviourBook } from "../shared/misbehaviour";
import { IDURA_PERSONAS } from "./personas";
import type { IduraSettings } from "./settings";
import { PREFIX } from "./state";

export function iduraHomeSection(settings: IduraSettings, misbehaviour: MisbehaviourBook): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>${t("idura.home.heading")}</h2>
    <p>
      ${t("home.issuer")} <code>${issuer}</code><br />
      ${t("home.discovery")} <code>${issuer}/.well-known/openid-configuration</code><br />
      ${t("home.clients")} ${codeList(settings.clients.map((client) => client.clientId))},
      ${t("home.redirectUris")} ${codeList(settings.redirectUris)}<br />
      ${t("idura.home.bankidApp")} <a href="${PREFIX}/app/bankid">${PREFIX}/app/bankid</a>
    </p>
    <h3>${t("home.personas")}</h3>
    ${personaTable(
      ["id", t("home.persona"), t("home.demonstrates"), t("idura.home.nationalId")],
      IDURA_PERSONAS.map((p) => [
        html`<code>${p.id}</code>`,
        html`${p.label}`,
        html`${t(`idura.personas.${p.id}` as MessageKey)}`,
        html`<code>${p.ssn}</code>`,
      ]),
    )}
    <h3>${t("home.controlEndpoints")}</h3>
    <ul>
      <li>
        <code>POST ${issuer}/control/ciba/{approve|deny|expire|slow-down}</code> ${t("home.withJson")}
        <code>{"binding_message": "…"}</code>
      </li>
      <li>
        <code>POST ${issuer}/control/headless/{scan|approve|cancel|expire|slow-down|age}</code>
        ${t("home.withJson")} <code>{"qr_data": "bankid.…", "persona"?: "…", "seconds"?: n}</code> —
        ${t("idura.home.headless")}
      </li>
      <li><code>POST ${issuer}/control/reset</code> — ${t("idura.home.reset")}</li>
      <li><code>GET ${issuer}/control/issued</code> — ${t("idura.home.issued")}</li>
      <li><code>${issuer}/misissued</code> — ${t("home.misissued")}</li>
    </ul>
    ${misbehaviourSwitch(PREFIX, misbehaviour)}
  </section>`;
}
