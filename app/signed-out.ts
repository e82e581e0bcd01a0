/** Set for a moment after signing out, so the login page can confirm it (it is never a secret). */
export const SIGNED_OUT_COOKIE = "signed-out";
