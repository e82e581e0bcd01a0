import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** RFC 6749 §5.1: token responses, and the other OAuth JSON answers with them, are never cached. */
export const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/**
 * OAuth 2.0 error body (RFC 6749 §5.2). Token responses and their errors must never be cached
 * (§5.1), and the other OAuth JSON endpoints follow the same rule.
 */
export function oauthError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return c.json({ error, error_description: description }, status, { ...noStore, ...headers });
}

/** The sandbox's own error shape, for everything that is not an OAuth protocol endpoint. */
export function sandboxError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
): Response {
  return c.json({ error, message }, status, { "Cache-Control": "no-store" });
}
