import { html } from "hono/html";
import { t } from "../shared/i18n";
import { alert, page, type Html, messagePageWith } from "../shared/layout";
import type { IduraPersona } from "./personas";

const sandboxBadge = () => html`<span class="badge">${t("idura.badge")}</span>`;

function personaChoices(personas: readonly IduraPersona[]): Html {
  return html`<fieldset>
    <legend>${t("idura.whoAreYou")}</legend>
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
  const heading = t("idura.login.heading", { eid: options.eidLabel });
  return page(
    heading,
    html`<div class="card">
      ${sandboxBadge()}
      <h1>${heading}</h1>
      ${alert(options.error)}
      <form method="post" action="${options.action}">
        <input type="hidden" name="tx" value="${options.txId}" />
        ${personaChoices(options.personas)}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="login">
            ${t("idura.login.submit")}
          </button>
          <button class="secondary" type="submit" name="action" value="cancel">${t("idura.cancel")}</button>
        </div>
      </form>
    </div>`,
  );
}

/** The BankID app's camera, reduced to a text field: paste what the QR code decodes to. */
export function bankIdScanPage(action: string, error?: string): Html {
  return page(
    t("idura.bankid.heading"),
    html`<div class="card">
      ${sandboxBadge()}
      <h1>${t("idura.bankid.heading")}</h1>
      <p class="muted">${t("idura.bankid.intro")}</p>
      ${alert(error)}
      <form method="post" action="${action}">
        <div class="field">
          <label for="qr">${t("idura.bankid.qrLabel")}</label>
          <input
            id="qr"
            name="qr"
            autocomplete="off"
            style="max-width:100%;letter-spacing:0;font-size:1rem"
          />
        </div>
        <div class="actions"><button class="primary" type="submit">${t("idura.bankid.scan")}</button></div>
      </form>
    </div>`,
  );
}

export function bankIdConfirmPage(options: {
  action: string;
  scanId: string;
  /** The asking service's display name. */
  service: string;
  personas: readonly IduraPersona[];
}): Html {
  return page(
    t("idura.bankid.heading"),
    html`<div class="card">
      ${sandboxBadge()}
      <h1>${t("idura.confirm.heading")}</h1>
      <p>${t("idura.confirm.asks", { client: options.service })}</p>
      <form method="post" action="${options.action}">
        <input type="hidden" name="scan" value="${options.scanId}" />
        ${personaChoices(options.personas)}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="identify">
            ${t("idura.confirm.identify")}
          </button>
          <button class="secondary" type="submit" name="action" value="cancel">${t("idura.cancel")}</button>
        </div>
      </form>
    </div>`,
  );
}

export function iduraMessagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge(), heading, message, tone);
}
