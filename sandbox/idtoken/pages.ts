import { html } from "hono/html";
import { alert, page, type Html, messagePageWith } from "../shared/layout";
import { IDTOKEN_SANDBOX_PIN } from "./personas";
import { ATOMIC_SCOPES } from "./scopes";
import type { IdTokenSession } from "./sessions";

const sandboxBadge = html`<span class="badge">Sandbox — not the real IDToken app</span>`;

const otpStyle = "font:700 2.5rem/1.2 ui-monospace,monospace;letter-spacing:.3em;margin:.5rem 0";

/** The push notification, as the phone app shows it: the same OTP, the scopes, approve or reject. */
export function phoneRequestPage(options: {
  /** Absolute path the form posts to, so a retry after an error posts to the same place. */
  action: string;
  holder: string;
  session: IdTokenSession;
  attemptsLeft: number;
  error?: string;
}): Html {
  const { session } = options;
  return page(
    "IDToken app (sandbox)",
    html`<div class="card">
      ${sandboxBadge}
      <h1>IDToken app (sandbox)</h1>
      <p>Hello ${options.holder}. The service <code>${session.serviceId}</code> asks you to log in.</p>
      <p>Check that this code is the one shown on your computer:</p>
      <p style="${otpStyle}" data-testid="phone-otp">${session.autoPassword}</p>
      ${alert(options.error)}
      <form method="post" action="${options.action}">
        <fieldset>
          <legend>Share with the service</legend>
          ${session.scopes.map(
            (scope) =>
              html`<div class="choice">
                <input type="checkbox" id="scope-${scope}" name="scope" value="${scope}" checked />
                <label for="scope-${scope}">${ATOMIC_SCOPES[scope].label} (<code>${scope}</code>)</label>
              </div>`,
          )}
        </fieldset>
        <div class="field">
          <label for="pin">PIN</label>
          <input
            id="pin"
            name="pin"
            type="password"
            inputmode="numeric"
            autocomplete="off"
            maxlength="5"
            aria-describedby="pin-hint"
          />
          <p id="pin-hint" class="muted">
            Stands in for the fingerprint check. In the sandbox it is ${IDTOKEN_SANDBOX_PIN}.
            ${options.attemptsLeft} attempt${options.attemptsLeft === 1 ? "" : "s"} left.
          </p>
        </div>
        <div class="actions">
          <button class="primary" type="submit" name="decision" value="approve">Approve</button>
          <button class="secondary" type="submit" name="decision" value="reject">Reject</button>
        </div>
      </form>
    </div>`,
  );
}

export function idTokenMessagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge, heading, message, tone);
}
