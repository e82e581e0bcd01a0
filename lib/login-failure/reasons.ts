/**
 * Every way a login can fail that a person can meet. Shared by server code (which picks the
 * reason) and the pages that explain it; the words are in messages/<locale>.json under
 * `LoginErrors.<reason>.title` and `.body`, each given `provider` (see `loginErrorProvider`).
 * The reasons any provider's login can meet are listed here; those of one provider only are in
 * its descriptor (`loginFailureReasons`, lib/providers/descriptor.ts). Every reason is a public
 * contract: it is the `?error=` / `?reason=` code in the URL.
 */
import { PROVIDER_CATALOG } from "@/lib/providers/catalog";

export const SHARED_LOGIN_ERROR_REASONS = [
  "cancelled",
  "access_denied",
  "id_token_invalid",
  "issuer_mismatch",
  "provider_unreachable",
  "provider_error",
  "login_expired",
  "login_incomplete",
  "rate_limited",
  "login_already_used",
  "state_unavailable",
  "unknown",
] as const;

export type SharedLoginErrorReason = (typeof SHARED_LOGIN_ERROR_REASONS)[number];

type ProviderLoginErrorReason = (typeof PROVIDER_CATALOG)[number]["loginFailureReasons"][number];

export type LoginErrorReason = SharedLoginErrorReason | ProviderLoginErrorReason;

/** The shared reasons, then each provider's own, in the catalog's order. */
export const LOGIN_ERROR_REASONS: readonly LoginErrorReason[] = [
  ...SHARED_LOGIN_ERROR_REASONS,
  ...PROVIDER_CATALOG.flatMap((d): readonly ProviderLoginErrorReason[] => d.loginFailureReasons),
];

export function isLoginErrorReason(value: unknown): value is LoginErrorReason {
  return typeof value === "string" && (LOGIN_ERROR_REASONS as readonly string[]).includes(value);
}
