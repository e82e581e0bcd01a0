/**
 * Every way a login can fail that a person can meet, with the words the error page shows.
 * Shared by server code (which picks the reason) and the error page (which explains it).
 */
export const LOGIN_ERRORS = {
  cancelled: {
    title: "You cancelled the login",
    body: "Nothing was shared with the portal. You can start again whenever you like.",
  },
  access_denied: {
    title: "Digidentity did not grant access",
    body: "The identity provider refused the login. Try again, or contact your administrator if it keeps happening.",
  },
  authorisation_revoked: {
    title: "Your SERMI authorisation has been revoked",
    body: "Digidentity reports that the conformity assessment body (CAB) has revoked your authorisation, so you cannot use RMI portals. Contact your CAB to have it renewed.",
  },
  chain_authorisation_used: {
    title: "Your chain authorisation has already been used",
    body: "A chain authorisation from an independent operator employee (IOE) is valid for one login only. Ask the IOE to issue a new one, then log in again.",
  },
  no_uid_attributes: {
    title: "Your account has no SERMI UID attributes",
    body: "Digidentity did not return the UID attributes this portal needs. Make sure your SERMI registration with your CAB is complete and that your certificate is active in the Digidentity app.",
  },
  id_token_invalid: {
    title: "The identity provider's answer could not be verified",
    body: "The login answer was not correctly signed or was not meant for this portal, so it was refused for your safety. Try again; if it keeps happening, tell the portal's operator and quote the reference below.",
  },
  provider_unreachable: {
    title: "We could not reach the identity provider",
    body: "Digidentity did not answer. Check your connection and try again in a few minutes.",
  },
  provider_error: {
    title: "The identity provider answered something unexpected",
    body: "The answer from Digidentity could not be understood. Try again in a few minutes; if it keeps happening, tell the portal's operator and quote the reference below.",
  },
  login_expired: {
    title: "Your login took too long",
    body: "The login was started too long ago, or in another browser or tab. Start again from the login page.",
  },
  qr_expired: {
    title: "The QR code has expired",
    body: "Each QR code is valid for a short time only. Ask for a new one and scan it within the time shown.",
  },
  qr_declined: {
    title: "The login was declined in the app",
    body: "You, or someone holding your phone, declined this login in the Digidentity app. If that was not you, tell your administrator.",
  },
  login_incomplete: {
    title: "This login was not finished",
    body: "We could not find an approved login for this browser. Start again from the login page.",
  },
  idtoken_rejected: {
    title: "You rejected the login in the IDToken app",
    body: "Nothing was shared with the portal. If you did not mean to reject it, start again. If you did not start this login, someone knows your token ID: nobody can log in without your phone.",
  },
  idtoken_expired: {
    title: "The one-time code has expired",
    body: "Each code is valid for 60 seconds. Start again, compare the new code with your phone and approve it there in time.",
  },
  idtoken_too_many_attempts: {
    title: "Too many failed attempts",
    body: "The check in the IDToken app failed three times, so the login was stopped for your safety. Start again when you are ready.",
  },
  idtoken_replaced: {
    title: "This login continued in another window",
    body: "The same login was opened in another tab or window, which took it over. Finish it there, or start again here.",
  },
  unknown: {
    title: "The login could not be completed",
    body: "Something went wrong while logging you in. Try again; if it keeps happening, tell the portal's operator and quote the reference below.",
  },
} as const satisfies Record<string, { title: string; body: string }>;

export type LoginErrorReason = keyof typeof LOGIN_ERRORS;

export function isLoginErrorReason(value: unknown): value is LoginErrorReason {
  return typeof value === "string" && Object.hasOwn(LOGIN_ERRORS, value);
}

/** The provider's own `error_description` codes, as the sandbox and Digidentity send them. */
const PROVIDER_DESCRIPTIONS: Record<string, LoginErrorReason> = {
  login_cancelled: "cancelled",
  login_declined: "qr_declined",
  authorisation_revoked: "authorisation_revoked",
  chain_authorisation_used: "chain_authorisation_used",
  session_not_found: "qr_expired",
};

/** Map an OAuth error response (RFC 6749 §4.1.2.1) to a reason; unknown text is never shown. */
export function reasonFromOAuthError(error: unknown, description: unknown): LoginErrorReason {
  if (typeof description === "string" && PROVIDER_DESCRIPTIONS[description]) {
    return PROVIDER_DESCRIPTIONS[description];
  }
  if (error === "access_denied") return "access_denied";
  if (error === "login_required" || error === "consent_required") return "cancelled";
  return "provider_error";
}
