/**
 * Every way a login can fail that a person can meet. Shared by server code (which picks the
 * reason) and the pages that explain it; the words are in messages/<locale>.json under
 * `LoginErrors.<reason>.title` and `.body`, each given `provider` (see `loginErrorProvider`).
 */
export const LOGIN_ERROR_REASONS = [
  "cancelled",
  "access_denied",
  "authorisation_revoked",
  "chain_authorisation_used",
  "no_uid_attributes",
  "id_token_invalid",
  "provider_unreachable",
  "provider_error",
  "login_expired",
  "qr_expired",
  "qr_declined",
  "login_incomplete",
  "rate_limited",
  "cpr_not_matched",
  "cpr_match_business_identity",
  "lacks_signatory_rights",
  "no_business_identity",
  "step_up_refused",
  "mitid_claims_missing",
  "idtoken_rejected",
  "idtoken_expired",
  "idtoken_too_many_attempts",
  "idtoken_replaced",
  "unknown",
] as const;

export type LoginErrorReason = (typeof LOGIN_ERROR_REASONS)[number];

export function isLoginErrorReason(value: unknown): value is LoginErrorReason {
  return typeof value === "string" && (LOGIN_ERROR_REASONS as readonly string[]).includes(value);
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

/**
 * The `provider` a reason's words are given: the provider's name when it is known, else
 * `unknown`, which the messages say as "the identity provider". A crafted name never shows.
 */
export function loginErrorProvider(provider?: string): string {
  return provider !== undefined && isNamedProvider(provider) ? PROVIDER_NAMES[provider]! : "unknown";
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
