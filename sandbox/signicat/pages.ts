import { html } from "hono/html";
import { t, type MessageKey } from "../shared/i18n";
import { alert, page, type Html } from "../shared/layout";
import { PERSONAS, SANDBOX_CREDENTIALS } from "./personas";
import type { Step } from "./state";

/** Message keys cannot hold dots, which MitID user IDs do. */
export function personaText(userId: string, text: "label" | "demonstrates"): string {
  return t(`signicat.personas.${userId.replaceAll(".", "_")}.${text}` as MessageKey);
}

function mitidPage(heading: string, content: Html): Html {
  return page(
    heading,
    html`<div class="card">
      <span class="badge">${t("signicat.badge")}</span>
      <h1>${heading}</h1>
      ${content}
    </div>`,
  );
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
        : html`<div class="actions">
            <button class="secondary" type="submit" name="action" value="cancel" formnovalidate>
              ${t("signicat.cancel")}
            </button>
          </div>`
    }
  </form>`;
}

/** `service`: the client's display name, as MitID names the service that asks (not its client id). */
export function userIdPage(txId: string, service: string, error?: string): Html {
  return mitidPage(
    t("signicat.userId.heading"),
    html`<p class="muted">${t("signicat.userId.intro", { service })}</p>
      ${alert(error)}
      ${form(
        txId,
        "userid",
        html`<div class="field">
            <label for="userId">${t("signicat.userId.label")}</label>
            <input
              id="userId"
              name="userId"
              autocomplete="username"
              required
              style="letter-spacing:0;max-width:100%"
            />
          </div>
          <div class="actions">
            <button class="primary" type="submit" name="action" value="continue">
              ${t("signicat.continue")}
            </button>
          </div>`,
      )}
      <h2>${t("signicat.userId.sandboxUsers")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${t("signicat.userId.label")}</th>
            <th scope="col">${t("signicat.userId.who")}</th>
          </tr>
        </thead>
        <tbody>
          ${PERSONAS.map(
            (p) =>
              html`<tr>
                <td><code>${p.userId}</code></td>
                <td>${personaText(p.userId, "label")}</td>
              </tr>`,
          )}
        </tbody>
      </table>
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
      html`<div class="actions">
        ${
          options.app
            ? html`<button class="primary" type="submit" name="action" value="app">
                ${t("signicat.method.app")}
              </button>`
            : ""
        }
        ${
          options.codeDisplay
            ? html`<button class="primary" type="submit" name="action" value="codedisplay">
                ${t("signicat.method.codeDisplay")}
              </button>`
            : ""
        }
      </div>`,
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
              ? html`<div class="field">
                  <label for="pin">${t("signicat.app.pin")}</label>
                  <input
                    id="pin"
                    name="pin"
                    type="password"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="6"
                    aria-describedby="pin-hint"
                  />
                  <p id="pin-hint" class="muted">${t("signicat.app.pinHint")}</p>
                </div>`
              : html`<p>${t("signicat.app.needsBiometrics")}</p>`
          }
          <div class="actions">
            ${
              options.pin
                ? html`<button class="primary" type="submit" name="action" value="pin">
                    ${t("signicat.app.approvePin")}
                  </button>`
                : ""
            }
            ${
              options.biometrics
                ? html`<button class="primary" type="submit" name="action" value="biometrics" formnovalidate>
                    ${t("signicat.app.approveBiometrics")}
                  </button>`
                : ""
            }
          </div>`,
      )}`,
  );
}

export function passwordPage(txId: string, error?: string): Html {
  return mitidPage(
    t("signicat.password.heading"),
    html`${alert(error)}
    ${form(
      txId,
      "password",
      html`<div class="field">
          <label for="password">${t("signicat.password.label")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            style="letter-spacing:0;max-width:100%"
          />
        </div>
        <div class="actions">
          <button class="primary" type="submit" name="action" value="continue">
            ${t("signicat.continue")}
          </button>
        </div>`,
    )}`,
  );
}

export function otpPage(txId: string, error?: string): Html {
  return mitidPage(
    t("signicat.otp.heading"),
    html`${alert(error)}
    ${form(
      txId,
      "otp",
      html`<div class="field">
          <label for="otp">${t("signicat.otp.label")}</label>
          <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength="6" />
        </div>
        <div class="actions">
          <button class="primary" type="submit" name="action" value="continue">
            ${t("signicat.continue")}
          </button>
        </div>`,
    )}`,
  );
}

/** PSD2 mode: the user learns only now, and not which factor it was. */
export function psd2FailedPage(txId: string): Html {
  return mitidPage(
    t("signicat.psd2.heading"),
    html`<p class="alert" role="alert">${t("signicat.psd2.message")}</p>
      ${form(
        txId,
        "psd2-failed",
        html`<div class="actions">
          <button class="primary" type="submit" name="action" value="restart">
            ${t("signicat.psd2.restart")}
          </button>
        </div>`,
      )}`,
  );
}

export function cprPage(txId: string, error?: string): Html {
  return mitidPage(
    t("signicat.cpr.heading"),
    html`<p class="muted">${t("signicat.cpr.intro")}</p>
      ${alert(error)}
      ${form(
        txId,
        "cpr",
        html`<div class="field">
            <label for="cpr">${t("signicat.cpr.label")}</label>
            <input
              id="cpr"
              name="cpr"
              inputmode="numeric"
              autocomplete="off"
              maxlength="11"
              placeholder="${t("signicat.cpr.placeholder")}"
              style="letter-spacing:.1em"
            />
          </div>
          <div class="choice">
            <input type="checkbox" id="remember" name="remember" value="yes" />
            <label for="remember">${t("signicat.cpr.remember")}</label>
          </div>
          <div class="actions">
            <button class="primary" type="submit" name="action" value="continue">
              ${t("signicat.continue")}
            </button>
          </div>`,
      )}`,
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
  return mitidPage(
    heading,
    html`<p class="muted">${intro}</p>
      ${alert(error)}
      ${form(
        txId,
        "pick",
        html`<fieldset>
            <legend>${t("signicat.pick.legend")}</legend>
            ${choices.map(
              (choice, i) =>
                html`<div class="choice">
                  <input
                    type="radio"
                    id="choice-${choice.value}"
                    name="choice"
                    value="${choice.value}"
                    ${i === 0 ? html`checked` : ""}
                  />
                  <label for="choice-${choice.value}"
                    >${choice.label} <span class="muted">${choice.detail}</span></label
                  >
                </div>`,
            )}
          </fieldset>
          <div class="actions">
            <button class="primary" type="submit" name="action" value="continue">
              ${t("signicat.continue")}
            </button>
          </div>`,
      )}`,
  );
}

export function messagePage(heading: string, message: string): Html {
  return mitidPage(heading, html`<p class="alert" role="alert">${message}</p>`);
}
