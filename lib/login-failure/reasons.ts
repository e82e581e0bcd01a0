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
  "issuer_mismatch",
  "provider_unreachable",
  "provider_error",
  "login_expired",
  "qr_expired",
  "qr_declined",
  "login_incomplete",
  "rate_limited",
  "lacks_signatory_rights",
  "step_up_refused",
  "mitid_claims_missing",
  "idtoken_rejected",
  "idtoken_expired",
  "idtoken_too_many_attempts",
  "idtoken_invalid_signature",
  "idtoken_invalid_otp",
  "idtoken_replaced",
  "login_already_used",
  "transfer_text_mismatch",
  "transfer_code_expired",
  "transfer_code_used",
  "transfer_late",
  "transfer_unavailable",
  "state_unavailable",
  "unknown",
] as const;

export type LoginErrorReason = (typeof LOGIN_ERROR_REASONS)[number];

export function isLoginErrorReason(value: unknown): value is LoginErrorReason {
  return typeof value === "string" && (LOGIN_ERROR_REASONS as readonly string[]).includes(value);
}
