import { html } from "hono/html";
import { t, type MessageKey } from "../shared/i18n";
import { personaTable } from "../shared/home-parts";
import { alert, cardPage, type Html } from "../shared/layout";
import { actions, field, pinField, radioChoices, type SubmitButton } from "../shared/page-parts";
import { PERSONAS, SANDBOX_CREDENTIALS } from "./personas";
import type { Step } from "./state";

/** Message keys cannot hold dots, which MitID user IDs do. */
export function personaText(userId: string, text: "label" | "demonstrates"): string {
  return t(`signicat.personas.${userId.replaceAll(".", "_")}.${text}` as MessageKey);
}

function mitidPage(heading: string, content: Html): Html {
  return cardPage(html`<span class="badge">${t("signicat.badge")}</span>`, heading, content);
}

/** Every screen posts back to the authorize endpoint with the transaction and the step it answers. */
function form(txId: string, step: Step, content: Html, options: { cancel?: boolean } = {}): Html {
  return html`<form method="post" action="authorize">
    <input type="hidden" name="tx" value="${txId}" />
    <input type="hidden" name="step" value="${step}" />
    ${content}
    ${
      options.cancel === false
        ? ""
        : actions({
            kind: "secondary",
            name: "action",
            value: "cancel",
            noValidate: true,
            label: t("signicat.cancel"),
          })
    }
  </form>`;
}

const primary = (value: string, label: string, noValidate?: boolean): SubmitButton => ({
  kind: "primary",
  name: "action",
  value,
  label,
  noValidate,
});

const continueButton = () => actions(primary("continue", t("signicat.continue")));

/**
 * The scaffold of most MitID screens: an intro, the error if any, then a form for `step` with
 * the step's fields and a Continue button.
 */
function stepPage(
  txId: string,
  step: Step,
  texts: { heading: string; intro?: string; error?: string },
  fields: Html,
  after: Html | string = "",
): Html {
  return mitidPage(
    texts.heading,
    html`${texts.intro === undefined ? "" : html`<p class="muted">${texts.intro}</p>`} ${alert(texts.error)}
    ${form(txId, step, html`${fields} ${continueButton()}`)} ${after}`,
  );
}

/** `service`: the client's display name, as MitID names the service that asks (not its client id). */
export function userIdPage(txId: string, service: string, error?: string): Html {
  return stepPage(
    txId,
    "userid",
    { heading: t("signicat.userId.heading"), intro: t("signicat.userId.intro", { service }), error },
    field(
      "userId",
      t("signicat.userId.label"),
      html`<input
        id="userId"
        name="userId"
        autocomplete="username"
        required
        style="letter-spacing:0;max-width:100%"
      />`,
    ),
    html`<h2>${t("signicat.userId.sandboxUsers")}</h2>
      ${personaTable(
        [t("signicat.userId.label"), t("signicat.userId.who")],
        PERSONAS.map((p) => [html`<code>${p.userId}</code>`, html`${personaText(p.userId, "label")}`]),
      )}
      <p class="muted">
        ${t("signicat.userId.credentials.appPin")} <code>${SANDBOX_CREDENTIALS.appPin}</code>,
        ${t("signicat.userId.credentials.password")}
        <code>${SANDBOX_CREDENTIALS.password}</code> ${t("signicat.userId.credentials.otp")}
        <code>${SANDBOX_CREDENTIALS.otp}</code>.
      </p>`,
  );
}

export function methodPage(
  txId: string,
  options: { app: boolean; codeDisplay: boolean; stepUp: boolean; minLevel: string },
): Html {
  return mitidPage(
    options.stepUp ? t("signicat.method.stepUpHeading") : t("signicat.method.heading"),
    html`${
      options.stepUp
        ? html`<p data-testid="step-up-notice">
            ${t("signicat.method.stepUp", { level: options.minLevel })}
          </p>`
        : html`<p class="muted">${t("signicat.method.intro")}</p>`
    }
    ${form(
      txId,
      "method",
      actions(
        options.app && primary("app", t("signicat.method.app")),
        options.codeDisplay && primary("codedisplay", t("signicat.method.codeDisplay")),
      ),
    )}`,
  );
}

export function appPage(txId: string, options: { pin: boolean; biometrics: boolean; error?: string }): Html {
  return mitidPage(
    t("signicat.app.heading"),
    html`<p class="muted">${t("signicat.app.intro")}</p>
      ${alert(options.error)}
      ${form(
        txId,
        "app",
        html`${
          options.pin
            ? pinField(t("signicat.app.pin"), t("signicat.app.pinHint"), 6)
            : html`<p>${t("signicat.app.needsBiometrics")}</p>`
        }
        ${actions(
          options.pin && primary("pin", t("signicat.app.approvePin")),
          options.biometrics && primary("biometrics", t("signicat.app.approveBiometrics"), true),
        )}`,
      )}`,
  );
}

export function passwordPage(txId: string, error?: string): Html {
  return stepPage(
    txId,
    "password",
    { heading: t("signicat.password.heading"), error },
    field(
      "password",
      t("signicat.password.label"),
      html`<input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        style="letter-spacing:0;max-width:100%"
      />`,
    ),
  );
}

export function otpPage(txId: string, error?: string): Html {
  return stepPage(
    txId,
    "otp",
    { heading: t("signicat.otp.heading"), error },
    field(
      "otp",
      t("signicat.otp.label"),
      html`<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength="6" />`,
    ),
  );
}

/** PSD2 mode: the user learns only now, and not which factor it was. */
export function psd2FailedPage(txId: string): Html {
  return mitidPage(
    t("signicat.psd2.heading"),
    html`<p class="alert" role="alert">${t("signicat.psd2.message")}</p>
      ${form(txId, "psd2-failed", actions(primary("restart", t("signicat.psd2.restart"))))}`,
  );
}

export function cprPage(txId: string, error?: string): Html {
  return stepPage(
    txId,
    "cpr",
    { heading: t("signicat.cpr.heading"), intro: t("signicat.cpr.intro"), error },
    html`${field(
        "cpr",
        t("signicat.cpr.label"),
        html`<input
          id="cpr"
          name="cpr"
          inputmode="numeric"
          autocomplete="off"
          maxlength="11"
          placeholder="${t("signicat.cpr.placeholder")}"
          style="letter-spacing:.1em"
        />`,
      )}
      <div class="choice">
        <input type="checkbox" id="remember" name="remember" value="yes" />
        <label for="remember">${t("signicat.cpr.remember")}</label>
      </div>`,
  );
}

export interface PickChoice {
  value: string;
  label: string;
  detail: string;
}

export function pickPage(
  txId: string,
  heading: string,
  intro: string,
  choices: PickChoice[],
  error?: string,
): Html {
  return stepPage(
    txId,
    "pick",
    { heading, intro, error },
    radioChoices(
      t("signicat.pick.legend"),
      "choice",
      choices.map((c) => ({
        value: c.value,
        label: html`${c.label} <span class="muted">${c.detail}</span>`,
      })),
      choices[0]?.value,
    ),
  );
}

export function messagePage(heading: string, message: string): Html {
  return mitidPage(heading, html`<p class="alert" role="alert">${message}</p>`);
}
