/** Digidentity's names, error codes and configuration (lib/providers/descriptor.ts, docs/configuration.md). */
import { z } from "zod";

import { baseUrl, defineProvider, optionalString, providerUrl, required } from "../descriptor";

/** The sandbox's Digidentity client (sandbox/config.ts says the same). */
export const DIGIDENTITY_SANDBOX_DEFAULTS = {
  DIGIDENTITY_CLIENT_ID: "rmi-portal-demo",
  DIGIDENTITY_CLIENT_SECRET: "sandbox-digidentity-secret",
  DIGIDENTITY_PRODUCT_SCOPE: "sandbox0product1",
} as const;

export const DIGIDENTITY_ID = "digidentity";
/** Public contract, like `digidentity`: the QR login's provider id. */
export const DIGIDENTITY_QR_ID = "digidentity-qr";

export const digidentityDescriptor = defineProvider({
  key: "digidentity",
  displayName: "Digidentity",
  authProviderIds: [DIGIDENTITY_ID, DIGIDENTITY_QR_ID],
  // docs/providers/digidentity.md names the source of each code.
  providerErrors: {
    login_cancelled: "cancelled",
    login_declined: "qr_declined",
    authorisation_revoked: "authorisation_revoked",
    chain_authorisation_used: "chain_authorisation_used",
    session_not_found: "qr_expired",
  },
  schema: z.object({
    DIGIDENTITY_ISSUER: baseUrl.optional(),
    DIGIDENTITY_CLIENT_ID: optionalString,
    DIGIDENTITY_CLIENT_SECRET: optionalString,
    DIGIDENTITY_PRODUCT_SCOPE: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9]{16}$/, "must be the 16-character alphanumeric product scope from onboarding")
        .optional(),
    ),
    DIGIDENTITY_QR_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    DIGIDENTITY_POLL_INTERVAL_MS: z.coerce.number().int().min(250).max(30_000).default(1000),
    DIGIDENTITY_REPORT_URL: optionalString.pipe(
      z
        .string()
        .regex(/^https?:\/\/[^\s]*\{pseudonym\}[^\s]*$/, "must be an http(s) URL containing {pseudonym}")
        .optional(),
    ),
    DIGIDENTITY_REPORT_SCOPE: z.string().min(1).max(200).default("identity_report"),
    DIGIDENTITY_PSEUDONYM_CLAIM: z.string().min(1).max(100).default("pseudonym"),
  }),
  enabledBy: ["DIGIDENTITY_ISSUER", "DIGIDENTITY_CLIENT_ID", "DIGIDENTITY_CLIENT_SECRET"],
  build(e, ctx) {
    const d = DIGIDENTITY_SANDBOX_DEFAULTS;
    const issuer = providerUrl(ctx, "DIGIDENTITY_ISSUER", e.DIGIDENTITY_ISSUER, "/digidentity");
    return {
      issuer,
      clientId: required(ctx, "DIGIDENTITY_CLIENT_ID", e.DIGIDENTITY_CLIENT_ID, d.DIGIDENTITY_CLIENT_ID),
      clientSecret: required(
        ctx,
        "DIGIDENTITY_CLIENT_SECRET",
        e.DIGIDENTITY_CLIENT_SECRET,
        d.DIGIDENTITY_CLIENT_SECRET,
      ),
      productScope: required(
        ctx,
        "DIGIDENTITY_PRODUCT_SCOPE",
        e.DIGIDENTITY_PRODUCT_SCOPE,
        d.DIGIDENTITY_PRODUCT_SCOPE,
      ),
      /** Lifetime of a passwordless QR session (docs/providers/digidentity.md). */
      qrTtlSeconds: e.DIGIDENTITY_QR_TTL_SECONDS,
      /** How often the QR page asks the portal, and the portal asks Digidentity. */
      pollIntervalMs: e.DIGIDENTITY_POLL_INTERVAL_MS,
      /** Identity verification reports; `{pseudonym}` is replaced. */
      reportUrl: e.DIGIDENTITY_REPORT_URL ?? `${issuer}/api/v1/identity_reports/{pseudonym}`,
      reportScope: e.DIGIDENTITY_REPORT_SCOPE,
      /** The access-token claim that carries the user's pseudonym. */
      pseudonymClaim: e.DIGIDENTITY_PSEUDONYM_CLAIM,
    };
  },
  origins: (cfg) => ({ form: [new URL(cfg.issuer).origin], connect: [] }),
});

export type DigidentityConfig = ReturnType<typeof digidentityDescriptor.build>;
