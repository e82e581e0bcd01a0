import type { NextAuthConfig } from "next-auth";

/**
 * Over https every Auth.js cookie gets the `__Host-` prefix (Secure, Path=/, no Domain: the
 * browser refuses it from any other origin or subdomain), not only the CSRF one.
 */
export function authCookies(secure: boolean): NextAuthConfig["cookies"] {
  if (!secure) return undefined;
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true };
  const names = {
    sessionToken: "session-token",
    callbackUrl: "callback-url",
    csrfToken: "csrf-token",
    pkceCodeVerifier: "pkce.code_verifier",
    state: "state",
    nonce: "nonce",
  } as const;
  return Object.fromEntries(
    Object.entries(names).map(([key, name]) => [key, { name: `__Host-authjs.${name}`, options }]),
  );
}
