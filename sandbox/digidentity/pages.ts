import { html } from "hono/html";
import { t, type MessageKey } from "../shared/i18n";
import { alert, cardPage, type Html, messagePageWith } from "../shared/layout";
import { actions, pinField, radioChoices } from "../shared/page-parts";
import { PERSONAS, SANDBOX_PIN, type RefusalReason } from "./personas";

const sandboxBadge = () => html`<span class="badge">${t("digidentity.badge")}</span>`;

/** Persona texts are keyed by persona id; the message tests check every persona has them. */
export function personaText(id: string, text: "label" | "demonstrates"): string {
  return t(`digidentity.personas.${id}.${text}` as MessageKey);
}

function personaChoices(selectedId: string): Html {
  return radioChoices(
    t("digidentity.persona"),
    "persona",
    PERSONAS.map((persona) => ({ value: persona.id, label: personaText(persona.id, "label") })),
    selectedId,
  );
}

const pin = () => pinField(t("digidentity.pin"), t("digidentity.pinHint", { pin: SANDBOX_PIN }), 5, true);

/** Web login: the page the portal redirects the browser to. */
export function loginPage(options: { txId: string; personaId: string; error?: string }): Html {
  return cardPage(
    sandboxBadge(),
    t("digidentity.login.heading"),
    html`<p class="muted">${t("digidentity.login.intro")}</p>
      ${alert(options.error)}
      <form method="post" action="authorize">
        <input type="hidden" name="tx" value="${options.txId}" />
        ${personaChoices(options.personaId)} ${pin()}
        ${actions(
          { kind: "primary", name: "action", value: "login", label: t("digidentity.login.submit") },
          {
            kind: "secondary",
            name: "action",
            value: "cancel",
            noValidate: true,
            label: t("digidentity.cancel"),
          },
        )}
      </form>`,
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
  return cardPage(
    sandboxBadge(),
    t("digidentity.phone.heading"),
    html`<p>${t("digidentity.phone.intro", { service: options.service })}</p>
      ${alert(options.error)}
      <form method="post" action="${options.qrId}">
        ${personaChoices(options.personaId)} ${pin()}
        ${actions(
          { kind: "primary", name: "action", value: "approve", label: t("digidentity.phone.approve") },
          {
            kind: "secondary",
            name: "action",
            value: "decline",
            noValidate: true,
            label: t("digidentity.phone.decline"),
          },
        )}
      </form>`,
  );
}

export function refusalMessage(reason: RefusalReason): string {
  return t(`digidentity.refusals.${reason}`);
}

/** A page with one heading and one message: results, refusals and errors. */
export function messagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge(), heading, message, tone);
}
