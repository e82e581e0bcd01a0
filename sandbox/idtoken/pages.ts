import { html } from "hono/html";
import { formatter, t, type MessageKey } from "../shared/i18n";
import { alert, page, type Html, messagePageWith } from "../shared/layout";
import { IDTOKEN_SANDBOX_PIN } from "./personas";
import type { IdtSession } from "./sessions";

const sandboxBadge = () => html`<span class="badge">${t("idtoken.badge")}</span>`;

const otpStyle = "font:700 2.5rem/1.2 ui-monospace,monospace;letter-spacing:.3em;margin:.5rem 0";

/** The push notification, as the phone app shows it: the same OTP, the scopes, approve or reject. */
export function phoneRequestPage(options: {
  /** Absolute path the form posts to, so a retry after an error posts to the same place. */
  action: string;
  holder: string;
  /** The asking service's display name. */
  service: string;
  session: IdtSession;
  attemptsLeft: number;
  /** To say how long the request is still open, in the phone's language. */
  now: number;
  error?: string;
}): Html {
  const { session } = options;
  const format = formatter();
  return page(
    t("idtoken.phone.heading"),
    html`<div class="card">
      ${sandboxBadge()}
      <h1>${t("idtoken.phone.heading")}</h1>
      <p>${t("idtoken.phone.hello", { holder: options.holder, service: options.service })}</p>
      <p>${t("idtoken.phone.checkCode")}</p>
      <p style="${otpStyle}" data-testid="phone-otp">${session.autoPassword}</p>
      <p class="muted" data-testid="phone-expires">
        ${t("idtoken.phone.expires", {
          when: format.relativeTime(session.expiresAt, options.now),
          time: format.dateTime(session.expiresAt, { timeStyle: "medium" }),
        })}
      </p>
      ${alert(options.error)}
      <form method="post" action="${options.action}">
        <fieldset>
          <legend>${t("idtoken.phone.share")}</legend>
          ${session.scopes.map(
            (scope) =>
              html`<div class="choice">
                <input type="checkbox" id="scope-${scope}" name="scope" value="${scope}" checked />
                <label for="scope-${scope}"
                  >${t(`idtoken.scopes.${scope}` as MessageKey)} (<code>${scope}</code>)</label
                >
              </div>`,
          )}
        </fieldset>
        <div class="field">
          <label for="pin">${t("idtoken.phone.pin")}</label>
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
            ${t("idtoken.phone.pinHint", { pin: IDTOKEN_SANDBOX_PIN })}
            ${t("idtoken.attemptsLeft", { left: options.attemptsLeft })}
          </p>
        </div>
        <div class="actions">
          <button class="primary" type="submit" name="decision" value="approve">
            ${t("idtoken.phone.approve")}
          </button>
          <button class="secondary" type="submit" name="decision" value="reject">
            ${t("idtoken.phone.reject")}
          </button>
        </div>
      </form>
    </div>`,
  );
}

export function idTokenMessagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge(), heading, message, tone);
}
