/** Digidentity's names, error codes and configuration (lib/providers/descriptor.ts, docs/configuration.md). */
import { z } from "zod";

import { defineProvider, httpUrl, optionalString, providerUrl, required } from "../descriptor";
import type { ModuleImport } from "../descriptor";

/** The sandbox's Digidentity client (sandbox/digidentity/config.ts says the same). */
export const DIGIDENTITY_SANDBOX_DEFAULTS = {
  DIGIDENTITY_CLIENT_ID: "rmi-portal-demo",
  DIGIDENTITY_CLIENT_SECRET: "sandbox-digidentity-secret",
  DIGIDENTITY_PRODUCT_SCOPE: "sandbox0product1",
  /** The sandbox's own report endpoint, scope and claim (sandbox/digidentity/reports.ts). */
  DIGIDENTITY_REPORT_PATH: "/api/v1/identity_reports/{pseudonym}",
  DIGIDENTITY_REPORT_SCOPE: "identity_report",
  DIGIDENTITY_PSEUDONYM_CLAIM: "pseudonym",
} as const;

/**
 * Public clients poll every 5 s; nothing documents a limit (docs/providers/digidentity.md, "Poll
 * pace"). The sandbox sets none, so the demo and the tests ask every second.
 */
export const DIGIDENTITY_POLL_INTERVAL_MS = { real: 5000, sandbox: 1000 } as const;

export const DIGIDENTITY_ID = "digidentity";
/** Public contract, like `digidentity`: the QR login's provider id. */
export const DIGIDENTITY_QR_ID = "digidentity-qr";

export const digidentityDescriptor = defineProvider({
  key: "digidentity",
  sandboxDefaults: DIGIDENTITY_SANDBOX_DEFAULTS,
  displayName: "Digidentity",
  authProviderIds: [DIGIDENTITY_ID, DIGIDENTITY_QR_ID],
  identityKinds: ["sermi"],
  // docs/providers/digidentity.md names the source of each code.
  providerErrors: {
    login_cancelled: "cancelled",
    login_declined: "qr_declined",
    authorisation_revoked: "authorisation_revoked",
    chain_authorisation_used: "chain_authorisation_used",
    session_not_found: "qr_expired",
  },
  // Its own reasons (public contracts) and client message namespaces (lib/providers/descriptor.ts).
  loginFailureReasons: [
    "authorisation_revoked",
    "chain_authorisation_used",
    "no_uid_attributes",
    "qr_expired",
    "qr_declined",
  ],
  clientNamespaces: ["QrLogin"],
  schema: z.object({
    // Kept as written: an issuer is an identifier, compared as a URL (docs/providers/digidentity.md).
    DIGIDENTITY_ISSUER: httpUrl.optional(),
    DIGIDENTITY_CLIENT_ID: optionalString,
    DIGIDENTITY_CLIENT_SECRET: optionalString,
    DIGIDENTITY_PRODUCT_SCOPE: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9]{16}$/, "must be the 16-character alphanumeric product scope from onboarding")
        .optional(),
    ),
    DIGIDENTITY_QR_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    DIGIDENTITY_POLL_INTERVAL_MS: z.coerce.number().int().min(250).max(30_000).optional(),
    DIGIDENTITY_REPORT_URL: optionalString.pipe(
      z
        .string()
        .regex(/^https?:\/\/[^\s]*\{pseudonym\}[^\s]*$/, "must be an http(s) URL containing {pseudonym}")
        .optional(),
    ),
    // Not public: no defaults with the sandbox off; the report is off until the URL is given.
    DIGIDENTITY_REPORT_SCOPE: optionalString.pipe(z.string().min(1).max(200).optional()),
    DIGIDENTITY_PSEUDONYM_CLAIM: optionalString.pipe(z.string().min(1).max(100).optional()),
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
      pollIntervalMs:
        e.DIGIDENTITY_POLL_INTERVAL_MS ??
        (ctx.sandbox ? DIGIDENTITY_POLL_INTERVAL_MS.sandbox : DIGIDENTITY_POLL_INTERVAL_MS.real),
      /** The identity report, or undefined when it is off. */
      report: reportSettings(e, ctx, issuer),
    };
  },
  origins: (cfg) => ({ form: [new URL(cfg.issuer).origin], connect: [] }),
  load: (): ModuleImport<"digidentity"> => import("./index"),
});

export type DigidentityConfig = ReturnType<typeof digidentityDescriptor.build>;
export type DigidentityReportConfig = NonNullable<DigidentityConfig["report"]>;

/**
 * The identity report's endpoint, the application token's scope and the access-token claim
 * holding the pseudonym are not public (docs/providers/digidentity.md). With the sandbox on they
 * are the sandbox's; with it off the report is off until DIGIDENTITY_REPORT_URL is set, and then
 * the other two must be set as well: no invented defaults against the real service.
 */
function reportSettings(
  e: {
    DIGIDENTITY_REPORT_URL?: string;
    DIGIDENTITY_REPORT_SCOPE?: string;
    DIGIDENTITY_PSEUDONYM_CLAIM?: string;
  },
  ctx: { sandbox: boolean; problems: string[] },
  issuer: string,
): { url: string; scope: string; pseudonymClaim: string } | undefined {
  const d = DIGIDENTITY_SANDBOX_DEFAULTS;
  if (ctx.sandbox) {
    return {
      url: e.DIGIDENTITY_REPORT_URL ?? `${issuer.replace(/\/+$/, "")}${d.DIGIDENTITY_REPORT_PATH}`,
      scope: e.DIGIDENTITY_REPORT_SCOPE ?? d.DIGIDENTITY_REPORT_SCOPE,
      pseudonymClaim: e.DIGIDENTITY_PSEUDONYM_CLAIM ?? d.DIGIDENTITY_PSEUDONYM_CLAIM,
    };
  }
  if (!e.DIGIDENTITY_REPORT_URL) return undefined;
  for (const name of ["DIGIDENTITY_REPORT_SCOPE", "DIGIDENTITY_PSEUDONYM_CLAIM"] as const) {
    if (!e[name]) ctx.problems.push(`${name}: required with DIGIDENTITY_REPORT_URL when SANDBOX=off`);
  }
  return {
    url: e.DIGIDENTITY_REPORT_URL,
    scope: e.DIGIDENTITY_REPORT_SCOPE ?? "",
    pseudonymClaim: e.DIGIDENTITY_PSEUDONYM_CLAIM ?? "",
  };
}
