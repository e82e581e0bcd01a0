import { html } from "hono/html";
import { formatter, t, type MessageKey } from "../shared/i18n";
import { alert, cardPage, type Html, messagePageWith } from "../shared/layout";
import { actions, pinField } from "../shared/page-parts";
import { IDTOKEN_SANDBOX_PIN } from "./personas";
import type { IdtSession } from "./state";

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
  return cardPage(
    sandboxBadge(),
    t("idtoken.phone.heading"),
    html`<p>${t("idtoken.phone.hello", { holder: options.holder, service: options.service })}</p>
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
        ${pinField(
          t("idtoken.phone.pin"),
          html`${t("idtoken.phone.pinHint", { pin: IDTOKEN_SANDBOX_PIN })}
          ${t("idtoken.attemptsLeft", { left: options.attemptsLeft })}`,
          5,
        )}
        ${actions(
          { kind: "primary", name: "decision", value: "approve", label: t("idtoken.phone.approve") },
          { kind: "secondary", name: "decision", value: "reject", label: t("idtoken.phone.reject") },
        )}
      </form>`,
  );
}

export function idTokenMessagePage(heading: string, message: string, tone?: "ok" | "alert" | "plain"): Html {
  return messagePageWith(sandboxBadge(), heading, message, tone);
}
