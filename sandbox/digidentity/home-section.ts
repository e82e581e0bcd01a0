import { html } from "hono/html";
import type { Html } from "../shared/layout";
import { misbehaviourSwitch, type MisbehaviourBook } from "../shared/misbehaviour";
import { PERSONAS } from "./personas";
import type { DigidentitySettings } from "./sessions";

export function digidentityHomeSection(settings: DigidentitySettings, misbehaviour: MisbehaviourBook): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>Digidentity (SERMI Trust Centre)</h2>
    <p>
      Issuer: <code>${issuer}</code><br />
      Discovery: <code>${issuer}/.well-known/openid-configuration</code><br />
      QR codes open: <code>${settings.publicUrl}/digidentity/app/qr/…</code>
    </p>
    <p>
      Clients
      ${settings.clients.map((client, i) => html`${i > 0 ? ", " : ""}<code>${client.clientId}</code>`)},
      product scope <code>${settings.productScope}</code>, allowed redirect URIs:
      ${settings.redirectUris.map((uri, i) => html`${i > 0 ? ", " : ""}<code>${uri}</code>`)}
    </p>
    <h3>Personas</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">id</th>
          <th scope="col">Persona</th>
          <th scope="col">Demonstrates</th>
          <th scope="col">PIN</th>
        </tr>
      </thead>
      <tbody>
        ${PERSONAS.map(
          (persona) =>
            html`<tr>
              <td><code>${persona.id}</code></td>
              <td>${persona.label}</td>
              <td>${persona.demonstrates}</td>
              <td><code>${persona.pin}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>Control endpoints (sandbox only)</h3>
    <ul>
      <li><code>POST ${issuer}/control/qr/:qrId/approve</code> with JSON <code>{"persona": "ioe"}</code></li>
      <li><code>POST ${issuer}/control/qr/:qrId/decline</code></li>
      <li><code>POST ${issuer}/control/qr/:qrId/expire</code></li>
      <li>
        <code>GET ${issuer}/control/issued</code> — the codes and tokens handed out lately, to check that none
        of them reached your logs
      </li>
      <li>
        <code>POST ${issuer}/control/reset</code> — new chain authorisations (logins in progress and
        misbehaviour switches are left alone)
      </li>
    </ul>
    ${misbehaviourSwitch("/digidentity", misbehaviour)}
  </section>`;
}
