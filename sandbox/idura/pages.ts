import { html } from "hono/html";
import { alert, page, type Html, messagePageWith } from "../shared/layout";
import type { IduraPersona } from "./personas";

const sandboxBadge = html`<span class="badge">Sandbox — not the real Idura Verify</span>`;

function personaChoices(personas: readonly IduraPersona[]): Html {
  return html`<fieldset>
    <legend>Who are you?</legend>
    ${personas.map(
      (p, i) =>
        html`<div class="choice">
          <input
            type="radio"
            id="persona-${p.id}"
            name="persona"
            value="${p.id}"
            ${i === 0 ? html`checked` : ""}
          />
          <label for="persona-${p.id}">${p.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

/** The eID's login page, as Idura shows it after the redirect. */
export function iduraLoginPage(options: {
  action: string;
  txId: string;
  eidLabel: string;
  personas: readonly IduraPersona[];
  error?: string;
}): Html {
  return page(
    `Log in with ${options.eidLabel}`,
    html`<div class="card">
      ${sandboxBadge}
      <h1>Log in with ${options.eidLabel}</h1>
      ${alert(options.error)}
      <form method="post" action="${options.action}">
        <input type="hidden" name="tx" value="${options.txId}" />
        ${personaChoices(options.personas)}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="login">Log in</button>
          <button class="secondary" type="submit" name="action" value="cancel">Cancel</button>
        </div>
      </form>
    </div>`,
  );
}

/** The BankID app's camera, reduced to a text field: paste what the QR code decodes to. */
export function bankIdScanPage(action: string, error?: string): Html {
  return page(
    "BankID app (sandbox)",
    html`<div class="card">
      ${sandboxBadge}
      <h1>BankID app (sandbox)</h1>
      ${alert(error)}
      <form method="post" action="${action}">
        <div class="field">
          <label for="qr">Scanned QR code</label>
          <input
            id="qr"
            name="qr"
            autocomplete="off"
            style="max-width:100%;letter-spacing:0;font-size:1rem"
          />
        </div>
        <div class="actions"><button class="primary" type="submit">Scan</button></div>
      </form>
    </div>`,
  );
}

export function bankIdConfirmPage(options: {
  action: string;
  scanId: string;
  clientId: string;
  personas: readonly IduraPersona[];
}): Html {
  return page(
    "BankID app (sandbox)",
    html`<div class="card">
      ${sandboxBadge}
      <h1>Identify yourself</h1>
      <p><code>${options.clientId}</code> asks you to identify yourself with BankID.</p>
      <form method="post" action="${options.action}">
        <input type="hidden" name="scan" value="${options.scanId}" />
        ${personaChoices(options.personas)}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="identify">Identify</button>
          <button class="secondary" type="submit" name="action" value="cancel">Cancel</button>
        </div>
      </form>
    </div>`,
  );
}

export function iduraMessagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge, heading, message, tone);
}
