import { html } from "hono/html";
import { t, type MessageKey } from "../shared/i18n";
import { alert, page, type Html, messagePageWith } from "../shared/layout";
import { PERSONAS, SANDBOX_PIN, type RefusalReason } from "./personas";

const sandboxBadge = () => html`<span class="badge">${t("digidentity.badge")}</span>`;

/** Persona texts are keyed by persona id; the message tests check every persona has them. */
export function personaText(id: string, text: "label" | "demonstrates"): string {
  return t(`digidentity.personas.${id}.${text}` as MessageKey);
}

function personaChoices(selectedId: string): Html {
  return html`<fieldset>
    <legend>${t("digidentity.persona")}</legend>
    ${PERSONAS.map(
      (persona) =>
        html`<div class="choice">
          <input
            type="radio"
            id="persona-${persona.id}"
            name="persona"
            value="${persona.id}"
            ${persona.id === selectedId ? html`checked` : ""}
          />
          <label for="persona-${persona.id}">${personaText(persona.id, "label")}</label>
        </div>`,
    )}
  </fieldset>`;
}

const pinField = () =>
  html`<div class="field">
    <label for="pin">${t("digidentity.pin")}</label>
    <input
      id="pin"
      name="pin"
      type="password"
      inputmode="numeric"
      autocomplete="off"
      pattern="[0-9]{5}"
      minlength="5"
      maxlength="5"
      required
      aria-describedby="pin-hint"
    />
    <p id="pin-hint" class="muted">${t("digidentity.pinHint", { pin: SANDBOX_PIN })}</p>
  </div>`;

/** Web login: the page the portal redirects the browser to. */
export function loginPage(options: { txId: string; personaId: string; error?: string }): Html {
  return page(
    t("digidentity.login.heading"),
    html`<div class="card">
      ${sandboxBadge()}
      <h1>${t("digidentity.login.heading")}</h1>
      <p class="muted">${t("digidentity.login.intro")}</p>
      ${alert(options.error)}
      <form method="post" action="authorize">
        <input type="hidden" name="tx" value="${options.txId}" />
        ${personaChoices(options.personaId)} ${pinField()}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="login">
            ${t("digidentity.login.submit")}
          </button>
          <button class="secondary" type="submit" name="action" value="cancel" formnovalidate>
            ${t("digidentity.cancel")}
          </button>
        </div>
      </form>
    </div>`,
  );
}

/** What the QR opens on the phone: the sandbox's stand-in for the Digidentity app. */
export function phoneApprovalPage(options: {
  qrId: string;
  personaId: string;
  /** The asking service's display name. */
  service: string;
  error?: string;
}): Html {
  return page(
    t("digidentity.phone.heading"),
    html`<div class="card">
      ${sandboxBadge()}
      <h1>${t("digidentity.phone.heading")}</h1>
      <p>${t("digidentity.phone.intro", { service: options.service })}</p>
      ${alert(options.error)}
      <form method="post" action="${options.qrId}">
        ${personaChoices(options.personaId)} ${pinField()}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="approve">
            ${t("digidentity.phone.approve")}
          </button>
          <button class="secondary" type="submit" name="action" value="decline" formnovalidate>
            ${t("digidentity.phone.decline")}
          </button>
        </div>
      </form>
    </div>`,
  );
}

export function refusalMessage(reason: RefusalReason): string {
  return t(`digidentity.refusals.${reason}`);
}

/** A page with one heading and one message: results, refusals and errors. */
export function messagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge(), heading, message, tone);
}
