import type { Context } from "hono";

/**
 * Send the browser back to the client with the authorization response: RFC 6749 §4.1.2 (and
 * §4.1.2.1 for errors) plus RFC 9207's `iss`. The caller passes the `state` and `iss` its
 * misbehaviour mode may have bent (sandbox/shared/misbehaviour.ts `misbehavingResponse`).
 */
export function redirectToClient(
  c: Context,
  redirectUri: string,
  params: Record<string, string | undefined>,
  { iss, status = 303 }: { iss: string; status?: 302 | 303 },
): Response {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  url.searchParams.set("iss", iss);
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.redirect(url.toString(), status);
}
