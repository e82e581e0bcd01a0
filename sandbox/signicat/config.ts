import type { JWK } from "jose";
import { z } from "zod";

import type { ConfigFor } from "../shared/provider";

import {
  clientList,
  commaList,
  nameList,
  portalCallbacks,
  redirectUriList,
  seconds,
  type SliceContext,
} from "../shared/env";

/** Signicat's variables (docs/sandbox.md lists them with the common ones). */
export const signicatEnv = {
  SANDBOX_SIGNICAT_CLIENT_ID: z.string().min(1).max(200).default("rmi-portal-signicat"),
  SANDBOX_SIGNICAT_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-signicat-secret"),
  SANDBOX_SIGNICAT_EXTRA_CLIENTS: clientList.default([]),
  SANDBOX_SIGNICAT_REDIRECT_URIS: redirectUriList.default([]),
  SANDBOX_SIGNICAT_PSD2_CLIENTS: commaList.default([]),
  SANDBOX_SIGNICAT_CPR_CACHE_FILE: z.string().min(1).default(".data/signicat-cpr-cache.json"),
  /** More public keys registered on the Signicat clients (a JWKS), to verify signed request objects. */
  SANDBOX_SIGNICAT_CLIENT_JWKS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return [];
      try {
        const parsed = JSON.parse(v) as { keys?: unknown };
        if (Array.isArray(parsed.keys)) return parsed.keys as JWK[];
      } catch {
        // Reported below.
      }
      ctx.addIssue({ code: "custom", message: 'must be a JWKS: {"keys": [...]}' });
      return z.NEVER;
    }),
  SANDBOX_SIGNICAT_CPR_CACHE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Clients set up for MitID Session Transfer; default: the main client and the partner. */
  SANDBOX_SIGNICAT_TRANSFER_CLIENTS: commaList.optional(),
  /** Lifetime of a Transfer Token Exchange Code ("long" at MitID; its value is unconfirmed). */
  SANDBOX_SIGNICAT_TRANSFER_CODE_TTL_SECONDS: seconds.default(3600),
  /** The sandbox's partner service: a second MitID service provider for the round trip. */
  SANDBOX_SIGNICAT_PARTNER_CLIENT_ID: z.string().min(1).max(200).default("sandbox-partner-nordic-parts"),
  SANDBOX_SIGNICAT_PARTNER_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-partner-secret"),
  SANDBOX_SIGNICAT_PARTNER_NAME: z.string().min(1).max(100).default("Nordic Parts (sandbox partner)"),
  /**
   * Where the partner hands users over to, `clientId=portal base URL,…`: the portal's Signicat
   * client (its MitID service provider) and its address. Default: the main client at the portal.
   */
  SANDBOX_SIGNICAT_PARTNER_PORTALS: nameList.optional(),
};

export interface SignicatConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** More clients (`SANDBOX_SIGNICAT_EXTRA_CLIENTS`), sharing the redirect allowlist. */
  extraClients: { clientId: string; clientSecret: string }[];
  /** Clients for which PSD2 mode is on from the start (a control endpoint changes it later). */
  psd2Clients: string[];
  /** The "Remember my CPR" store; survives a restart. */
  cprCacheFile: string;
  cprCacheDays: number;
  /** Public keys registered on the clients besides the portal's sandbox key (`SANDBOX_SIGNICAT_CLIENT_JWKS`). */
  clientKeys: JWK[];
  /** Clients whose logins carry `signicat.cta_id` (MitID Session Transfer). */
  transferClients: string[];
  transferCodeTtlSeconds: number;
  /** The partner service (sandbox/signicat/partner.ts), a client of its own. */
  partner: { clientId: string; clientSecret: string; name: string; portals: Record<string, string> };
}

export function signicatConfig(
  e: z.infer<z.ZodObject<typeof signicatEnv>>,
  ctx: SliceContext,
): SignicatConfig {
  return {
    clientId: e.SANDBOX_SIGNICAT_CLIENT_ID,
    clientSecret: e.SANDBOX_SIGNICAT_CLIENT_SECRET,
    redirectUris: portalCallbacks(ctx, "signicat", e.SANDBOX_SIGNICAT_REDIRECT_URIS),
    extraClients: e.SANDBOX_SIGNICAT_EXTRA_CLIENTS,
    psd2Clients: e.SANDBOX_SIGNICAT_PSD2_CLIENTS,
    cprCacheFile: e.SANDBOX_SIGNICAT_CPR_CACHE_FILE,
    clientKeys: e.SANDBOX_SIGNICAT_CLIENT_JWKS,
    cprCacheDays: e.SANDBOX_SIGNICAT_CPR_CACHE_DAYS,
    transferClients: e.SANDBOX_SIGNICAT_TRANSFER_CLIENTS ?? [
      e.SANDBOX_SIGNICAT_CLIENT_ID,
      e.SANDBOX_SIGNICAT_PARTNER_CLIENT_ID,
    ],
    transferCodeTtlSeconds: e.SANDBOX_SIGNICAT_TRANSFER_CODE_TTL_SECONDS,
    partner: {
      clientId: e.SANDBOX_SIGNICAT_PARTNER_CLIENT_ID,
      clientSecret: e.SANDBOX_SIGNICAT_PARTNER_CLIENT_SECRET,
      name: e.SANDBOX_SIGNICAT_PARTNER_NAME,
      portals: e.SANDBOX_SIGNICAT_PARTNER_PORTALS ?? {
        [e.SANDBOX_SIGNICAT_CLIENT_ID]: ctx.portalUrl ?? "http://localhost:3000",
      },
    },
  };
}

/** The configuration as this provider's code sees it: the common part and its own. */
export type SignicatSandboxConfig = ConfigFor<"signicat", SignicatConfig>;
