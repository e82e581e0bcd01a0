import { html } from "hono/html";
import { alert, page, type Html } from "../shared/layout";
import { PERSONAS, SANDBOX_CREDENTIALS } from "./personas";
import type { Step } from "./state";

const badge = html`<span class="badge">Sandbox — not the real MitID or Signicat</span>`;

function mitidPage(heading: string, content: Html): Html {
  return page(
    heading,
    html`<div class="card">
      ${badge}
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
              Cancel
            </button>
          </div>`
    }
  </form>`;
}

export function userIdPage(txId: string, error?: string): Html {
  return mitidPage(
    "MitID log on",
    html`<p class="muted">A service asks you to log on with MitID.</p>
      ${alert(error)}
      ${form(
        txId,
        "userid",
        html`<div class="field">
            <label for="userId">User ID</label>
            <input
              id="userId"
              name="userId"
              autocomplete="username"
              required
              style="letter-spacing:0;max-width:100%"
            />
          </div>
          <div class="actions">
            <button class="primary" type="submit" name="action" value="continue">Continue</button>
          </div>`,
      )}
      <h2>Sandbox users</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">User ID</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          ${PERSONAS.map(
            (p) =>
              html`<tr>
                <td><code>${p.userId}</code></td>
                <td>${p.label}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted">
        App PIN <code>${SANDBOX_CREDENTIALS.appPin}</code>, code display password
        <code>${SANDBOX_CREDENTIALS.password}</code> and one-time code
        <code>${SANDBOX_CREDENTIALS.otp}</code>.
      </p>`,
  );
}

export function methodPage(
  txId: string,
  options: { app: boolean; codeDisplay: boolean; stepUp: boolean; minLevel: string },
): Html {
  return mitidPage(
    options.stepUp ? "Confirm with a stronger MitID authenticator" : "Choose how to approve",
    html`${
      options.stepUp
        ? html`<p data-testid="step-up-notice">
            The service asks for assurance level ${options.minLevel}. You are already identified; only approve
            again with an authenticator strong enough for it.
          </p>`
        : html`<p class="muted">Use one of your MitID authenticators.</p>`
    }
    ${form(
      txId,
      "method",
      html`<div class="actions">
        ${
          options.app
            ? html`<button class="primary" type="submit" name="action" value="app">MitID app</button>`
            : ""
        }
        ${
          options.codeDisplay
            ? html`<button class="primary" type="submit" name="action" value="codedisplay">
                MitID code display
              </button>`
            : ""
        }
      </div>`,
    )}`,
  );
}

export function appPage(txId: string, options: { pin: boolean; biometrics: boolean; error?: string }): Html {
  return mitidPage(
    "Approve in the MitID app",
    html`<p class="muted">The sandbox stands in for your phone: approve the request here.</p>
      ${alert(options.error)}
      ${form(
        txId,
        "app",
        html`${
            options.pin
              ? html`<div class="field">
                  <label for="pin">PIN</label>
                  <input
                    id="pin"
                    name="pin"
                    type="password"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="6"
                    aria-describedby="pin-hint"
                  />
                  <p id="pin-hint" class="muted">Your 6-digit MitID app PIN.</p>
                </div>`
              : html`<p>The level asked for needs biometrics.</p>`
          }
          <div class="actions">
            ${
              options.pin
                ? html`<button class="primary" type="submit" name="action" value="pin">
                    Approve with PIN
                  </button>`
                : ""
            }
            ${
              options.biometrics
                ? html`<button class="primary" type="submit" name="action" value="biometrics" formnovalidate>
                    Approve with biometrics
                  </button>`
                : ""
            }
          </div>`,
      )}`,
  );
}

export function passwordPage(txId: string, error?: string): Html {
  return mitidPage(
    "Enter your MitID password",
    html`${alert(error)}
    ${form(
      txId,
      "password",
      html`<div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            style="letter-spacing:0;max-width:100%"
          />
        </div>
        <div class="actions">
          <button class="primary" type="submit" name="action" value="continue">Continue</button>
        </div>`,
    )}`,
  );
}

export function otpPage(txId: string, error?: string): Html {
  return mitidPage(
    "Enter the code from your code display",
    html`${alert(error)}
    ${form(
      txId,
      "otp",
      html`<div class="field">
          <label for="otp">One-time code</label>
          <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength="6" />
        </div>
        <div class="actions">
          <button class="primary" type="submit" name="action" value="continue">Continue</button>
        </div>`,
    )}`,
  );
}

/** PSD2 mode: the user learns only now, and not which factor it was. */
export function psd2FailedPage(txId: string): Html {
  return mitidPage(
    "Log on failed",
    html`<p class="alert" role="alert">
        One or more of the authenticators you used could not be verified. For your security we do not say
        which. Start again to try once more.
      </p>
      ${form(
        txId,
        "psd2-failed",
        html`<div class="actions">
          <button class="primary" type="submit" name="action" value="restart">Start again</button>
        </div>`,
      )}`,
  );
}

export function cprPage(txId: string, error?: string): Html {
  return mitidPage(
    "Confirm your CPR number",
    html`<p class="muted">
        The service needs to know that you are the person with this CPR number. It is matched with MitID and
        not shown to anyone else.
      </p>
      ${alert(error)}
      ${form(
        txId,
        "cpr",
        html`<div class="field">
            <label for="cpr">CPR number</label>
            <input
              id="cpr"
              name="cpr"
              inputmode="numeric"
              autocomplete="off"
              maxlength="11"
              placeholder="DDMMYY-XXXX"
              style="letter-spacing:.1em"
            />
          </div>
          <div class="choice">
            <input type="checkbox" id="remember" name="remember" value="yes" />
            <label for="remember">Remember my CPR number</label>
          </div>
          <div class="actions">
            <button class="primary" type="submit" name="action" value="continue">Continue</button>
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
            <legend>Represent</legend>
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
            <button class="primary" type="submit" name="action" value="continue">Continue</button>
          </div>`,
      )}`,
  );
}

export function messagePage(heading: string, message: string): Html {
  return mitidPage(heading, html`<p class="alert" role="alert">${message}</p>`);
}
