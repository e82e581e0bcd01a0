/**
 * The portal's security headers, built per request. Pure so it can be unit-tested; proxy.ts
 * applies it to every page and route.
 */

export type HeaderPolicyInput = {
  nonce: string;
  /** The portal is served over https (`config.secureCookies`): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Identity providers' origins the browser is sent to by a form post (login redirects). */
  providerOrigins: string[];
  /** Origins page scripts may open connections to (a provider's WebSocket a login page listens on). */
  connectOrigins?: string[];
};

export function contentSecurityPolicy({
  nonce,
  https,
  providerOrigins,
  connectOrigins = [],
}: HeaderPolicyInput): string {
  const directives = [
    "default-src 'self'",
    // Next.js marks its own scripts with the request's nonce; 'strict-dynamic' lets those load
    // their chunks. No 'unsafe-inline', no 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectOrigins.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    // Chromium checks form-action on the redirect after a form post, and the web login's form
    // ends by redirecting to the identity provider.
    `form-action 'self' ${providerOrigins.join(" ")}`.trim(),
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(input: HeaderPolicyInput): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(input),
    // Nothing of a portal URL leaves the portal, but its own form posts keep their Origin: under
    // "no-referrer" a browser sends `Origin: null`, and Next.js refuses a server action whose
    // Origin does not match the host, so a button pressed before the page's scripts ran (or
    // without scripts) ended on a bare 500 (SECURITY.md, "Tokens, cookies and headers").
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(input.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
