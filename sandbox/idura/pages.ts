import { html } from "hono/html";
import { t } from "../shared/i18n";
import { alert, cardPage, type Html, messagePageWith } from "../shared/layout";
import { actions, field, radioChoices, type SubmitButton } from "../shared/page-parts";
import type { IduraPersona } from "./personas";

const sandboxBadge = () => html`<span class="badge">${t("idura.badge")}</span>`;

function personaChoices(personas: readonly IduraPersona[]): Html {
  return radioChoices(
    t("idura.whoAreYou"),
    "persona",
    personas.map((p) => ({ value: p.id, label: p.label })),
    personas[0]?.id,
  );
}

const cancelButton = (): SubmitButton => ({
  kind: "secondary",
  name: "action",
  value: "cancel",
  label: t("idura.cancel"),
});

/** The eID's login page, as Idura shows it after the redirect. */
export function iduraLoginPage(options: {
  action: string;
  txId: string;
  eidLabel: string;
  personas: readonly IduraPersona[];
  error?: string;
}): Html {
  return cardPage(
    sandboxBadge(),
    t("idura.login.heading", { eid: options.eidLabel }),
    html`${alert(options.error)}
      <form method="post" action="${options.action}">
        <input type="hidden" name="tx" value="${options.txId}" />
        ${personaChoices(options.personas)}
        ${actions(
          { kind: "primary", name: "action", value: "login", label: t("idura.login.submit") },
          cancelButton(),
        )}
      </form>`,
  );
}

/** The BankID app's camera, reduced to a text field: paste what the QR code decodes to. */
export function bankIdScanPage(action: string, error?: string): Html {
  return cardPage(
    sandboxBadge(),
    t("idura.bankid.heading"),
    html`<p class="muted">${t("idura.bankid.intro")}</p>
      ${alert(error)}
      <form method="post" action="${action}">
        ${field(
          "qr",
          t("idura.bankid.qrLabel"),
          html`<input
            id="qr"
            name="qr"
            autocomplete="off"
            style="max-width:100%;letter-spacing:0;font-size:1rem"
          />`,
        )}
        ${actions({ kind: "primary", label: t("idura.bankid.scan") })}
      </form>`,
  );
}

export function bankIdConfirmPage(options: {
  action: string;
  scanId: string;
  /** The asking service's display name. */
  service: string;
  personas: readonly IduraPersona[];
}): Html {
  return cardPage(
    sandboxBadge(),
    t("idura.confirm.heading"),
    html`<p>${t("idura.confirm.asks", { client: options.service })}</p>
      <form method="post" action="${options.action}">
        <input type="hidden" name="scan" value="${options.scanId}" />
        ${personaChoices(options.personas)}
        ${actions(
          { kind: "primary", name: "action", value: "identify", label: t("idura.confirm.identify") },
          cancelButton(),
        )}
      </form>`,
    t("idura.bankid.heading"),
  );
}

export function iduraMessagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge(), heading, message, tone);
}
