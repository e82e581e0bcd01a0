import { html } from "hono/html";
import { alert, page, type Html, messagePageWith } from "../shared/layout";
import { PERSONAS, SANDBOX_PIN, type RefusalReason } from "./personas";

export const WRONG_PIN = "Wrong PIN. Try again.";

const sandboxBadge = html`<span class="badge">Sandbox — not the real Digidentity</span>`;

function personaChoices(selectedId: string): Html {
  return html`<fieldset>
    <legend>Persona</legend>
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
          <label for="persona-${persona.id}">${persona.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

const pinField = html`<div class="field">
  <label for="pin">PIN</label>
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
  <p id="pin-hint" class="muted">5 digits. In the sandbox every persona's PIN is ${SANDBOX_PIN}.</p>
</div>`;

/** Web login: the page the portal redirects the browser to. */
export function loginPage(options: { txId: string; personaId: string; error?: string }): Html {
  return page(
    "Log in to Digidentity",
    html`<div class="card">
      ${sandboxBadge}
      <h1>Log in to Digidentity</h1>
      <p class="muted">Choose who you are and enter the PIN of your Digidentity app.</p>
      ${alert(options.error)}
      <form method="post" action="authorize">
        <input type="hidden" name="tx" value="${options.txId}" />
        ${personaChoices(options.personaId)} ${pinField}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="login">Log in</button>
          <button class="secondary" type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
        </div>
      </form>
    </div>`,
  );
}

/** What the QR opens on the phone: the sandbox's stand-in for the Digidentity app. */
export function phoneApprovalPage(options: { qrId: string; personaId: string; error?: string }): Html {
  return page(
    "Digidentity app (sandbox)",
    html`<div class="card">
      ${sandboxBadge}
      <h1>Digidentity app (sandbox)</h1>
      <p>An RMI portal asks you to log in. Choose who you are and enter your PIN to approve.</p>
      ${alert(options.error)}
      <form method="post" action="${options.qrId}">
        ${personaChoices(options.personaId)} ${pinField}
        <div class="actions">
          <button class="primary" type="submit" name="action" value="approve">Approve</button>
          <button class="secondary" type="submit" name="action" value="decline" formnovalidate>
            Decline
          </button>
        </div>
      </form>
    </div>`,
  );
}

export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  authorisation_revoked:
    "Your SERMI authorisation has been revoked by the conformity assessment body. You cannot log in to RMI portals until it is renewed.",
  chain_authorisation_used:
    "Your chain authorisation from the independent operator employee (IOE) can be used for one login only, and it has already been used. Ask the IOE to issue a new chain authorisation.",
};

/** A page with one heading and one message: results, refusals and errors. */
export function messagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge, heading, message, tone);
}
