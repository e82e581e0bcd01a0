/**
 * Every way a login can fail that a person can meet, with the words the error page shows.
 * Shared by server code (which picks the reason) and the error page (which explains it).
 * `{Provider}` and `{provider}` name the identity provider the login went to; read the texts
 * through `loginErrorText`.
 */
export const LOGIN_ERRORS = {
  cancelled: {
    title: "You cancelled the login",
    body: "Nothing was shared with the portal. You can start again whenever you like.",
  },
  access_denied: {
    title: "{Provider} did not grant access",
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
    body: "{Provider} did not answer. Check your connection and try again in a few minutes.",
  },
  provider_error: {
    title: "The identity provider answered something unexpected",
    body: "The answer from {provider} could not be understood. Try again in a few minutes; if it keeps happening, tell the portal's operator and quote the reference below.",
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
  rate_limited: {
    title: "Too many login attempts",
    body: "This browser or network started more logins than we allow in a minute. Wait a minute, then try again.",
  },
  cpr_not_matched: {
    title: "Your CPR number could not be matched",
    body: "The CPR number you typed did not match your MitID three times, so MitID ended the login. Check your CPR number (for example on your health insurance card) and log in again.",
  },
  cpr_match_business_identity: {
    title: "A business MitID cannot be matched with a CPR number",
    body: "You logged in with a MitID issued by your employer. It has no CPR number behind it, so it cannot be used for a login with CPR match. Log in with your private MitID instead, or choose MitID Business.",
  },
  lacks_signatory_rights: {
    title: "You cannot act for that company",
    body: "According to the Danish Business Authority (Virk) you do not have signatory rights in the company with the CVR number that was asked for. Check the CVR number, or log in for a company you can sign for.",
  },
  no_business_identity: {
    title: "You have no company to act for",
    body: "MitID found no business identity or company with signatory rights for you. Ask your company's MitID Business administrator for a business identity, or log in with your private MitID.",
  },
  step_up_refused: {
    title: "The higher level of assurance could not be reached",
    body: "MitID refused to step up this login: it is already at that level, or it is too old to build on. Log out and log in again choosing an authenticator strong enough (for example the MitID app with biometrics).",
  },
  mitid_claims_missing: {
    title: "MitID did not tell us who you are",
    body: "The answer from Signicat did not contain the MitID details this portal needs. Try again; if it keeps happening, tell the portal's operator and quote the reference below.",
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

/** The providers an error page can name, by Auth.js provider id. */
const PROVIDER_NAMES: Record<string, string> = {
  digidentity: "Digidentity",
  "digidentity-qr": "Digidentity",
  signicat: "Signicat",
  idura: "Idura",
  "idura-bankid": "Idura",
  idtoken: "IDToken",
};

/** A provider id the error page may carry in its URL: only the ones it can name. */
export function isNamedProvider(value: unknown): value is string {
  return typeof value === "string" && Object.hasOwn(PROVIDER_NAMES, value);
}

/** The words for a reason, naming the provider when it is known ("the identity provider" if not). */
export function loginErrorText(reason: LoginErrorReason, provider?: string): { title: string; body: string } {
  const name = provider !== undefined && isNamedProvider(provider) ? PROVIDER_NAMES[provider]! : undefined;
  const fill = (text: string) =>
    text
      .replaceAll("{Provider}", name ?? "The identity provider")
      .replaceAll("{provider}", name ?? "the identity provider");
  const { title, body } = LOGIN_ERRORS[reason];
  return { title: fill(title), body: fill(body) };
}

/** The provider's own `error_description` codes, as the sandbox and Digidentity send them. */
const PROVIDER_DESCRIPTIONS: Record<string, LoginErrorReason> = {
  login_cancelled: "cancelled",
  login_declined: "qr_declined",
  authorisation_revoked: "authorisation_revoked",
  chain_authorisation_used: "chain_authorisation_used",
  session_not_found: "qr_expired",
  // Signicat MitID: the first two are documented, the others are the sandbox's choice (README).
  "urn:signicat:error:usercancel": "cancelled",
  "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR": "lacks_signatory_rights",
  "urn:signicat:error:CPR_MATCH_FAILED_ERROR": "cpr_not_matched",
  "urn:signicat:error:CPR_MATCH_NOT_POSSIBLE_FOR_BUSINESS_IDENTITY_ERROR": "cpr_match_business_identity",
  "urn:signicat:error:NO_BUSINESS_IDENTITY_ERROR": "no_business_identity",
  "urn:signicat:error:STEP_UP_REFUSED_ERROR": "step_up_refused",
};

/** Map an OAuth error response (RFC 6749 §4.1.2.1) to a reason; unknown text is never shown. */
export function reasonFromOAuthError(error: unknown, description: unknown): LoginErrorReason {
  const known = typeof description === "string" && Object.hasOwn(PROVIDER_DESCRIPTIONS, description);
  if (known) return PROVIDER_DESCRIPTIONS[description as string]!;
  if (error === "access_denied") return "access_denied";
  if (error === "login_required" || error === "consent_required") return "cancelled";
  return "provider_error";
}
