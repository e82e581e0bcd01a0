import { descriptorOfAuthProvider, PROVIDER_CATALOG } from "@/lib/providers/catalog";

import type { LoginErrorReason } from "./reasons";

/** A provider id the error page may carry in its URL: only the ones the catalog knows. */
export function isNamedProvider(value: unknown): value is string {
  return typeof value === "string" && descriptorOfAuthProvider(value) !== undefined;
}

/**
 * The `provider` a reason's words are given: the provider's name when it is known, else
 * `unknown`, which the messages say as "the identity provider". A crafted name never shows.
 */
export function loginErrorProvider(provider?: string): string {
  return descriptorOfAuthProvider(provider)?.displayName ?? "unknown";
}

/**
 * Map an OAuth error response (RFC 6749 §4.1.2.1) to a reason. A provider's own codes (in
 * `error` or `error_description`) come from its descriptor; unknown text is never shown.
 */
export function reasonFromOAuthError(error: unknown, description: unknown): LoginErrorReason {
  for (const provider of PROVIDER_CATALOG) {
    const table: Readonly<Record<string, LoginErrorReason>> = provider.providerErrors;
    if (typeof description === "string" && Object.hasOwn(table, description)) return table[description]!;
    if (typeof error === "string" && Object.hasOwn(table, error)) return table[error]!;
  }
  if (error === "access_denied") return "access_denied";
  if (error === "login_required" || error === "consent_required") return "cancelled";
  return "provider_error";
}
