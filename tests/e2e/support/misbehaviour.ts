/** The misbehaviour modes every OIDC provider's lab portal must refuse as "could not be verified". */
export const REFUSED_MODES = [
  "bad_signature",
  "alg_none",
  "hs256_client_secret",
  "wrong_iss",
  "wrong_aud",
  "missing_aud",
  "expired",
  "missing_iat",
  "missing_sub",
  "wrong_nonce",
  "missing_nonce",
  "wrong_state",
  "missing_state",
  "wrong_response_iss",
  "userinfo_sub_mismatch",
] as const;

export const VERIFY_TITLE = "The identity provider's answer could not be verified";
