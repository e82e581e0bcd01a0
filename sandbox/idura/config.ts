import { z } from "zod";

import type { ConfigFor } from "../shared/provider";

import { clientList, portalCallbacks, redirectUriList, seconds, type SliceContext } from "../shared/env";

/** Idura's variables (docs/sandbox.md lists them with the common ones). */
export const iduraEnv = {
  SANDBOX_IDURA_CLIENT_ID: z.string().min(1).max(200).default("rmi-portal-idura"),
  SANDBOX_IDURA_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-idura-secret"),
  SANDBOX_IDURA_EXTRA_CLIENTS: clientList.default([]),
  SANDBOX_IDURA_REDIRECT_URIS: redirectUriList.default([]),
  SANDBOX_IDURA_CIBA_INTERVAL_SECONDS: seconds.default(5),
  SANDBOX_IDURA_REQUEST_TTL_SECONDS: seconds.default(120),
  SANDBOX_IDURA_QR_MAX_AGE_SECONDS: seconds.default(30),
};

export interface IduraConfig {
  clientId: string;
  clientSecret: string;
  /** More clients (`SANDBOX_IDURA_EXTRA_CLIENTS`), sharing the redirect allowlist. */
  extraClients: { clientId: string; clientSecret: string }[];
  redirectUris: string[];
  /** The `interval` CIBA answers; polling sooner gets `slow_down`. */
  cibaIntervalSeconds: number;
  /** `expires_in` of CIBA and headless requests. */
  requestTtlSeconds: number;
  /** How old a scanned animated QR code may be: BankID gives a QR order 30 s (docs/providers/idura.md). */
  qrMaxAgeSeconds: number;
}

export function iduraConfig(e: z.infer<z.ZodObject<typeof iduraEnv>>, ctx: SliceContext): IduraConfig {
  return {
    clientId: e.SANDBOX_IDURA_CLIENT_ID,
    clientSecret: e.SANDBOX_IDURA_CLIENT_SECRET,
    extraClients: e.SANDBOX_IDURA_EXTRA_CLIENTS,
    redirectUris: portalCallbacks(ctx, "idura", e.SANDBOX_IDURA_REDIRECT_URIS),
    cibaIntervalSeconds: e.SANDBOX_IDURA_CIBA_INTERVAL_SECONDS,
    requestTtlSeconds: e.SANDBOX_IDURA_REQUEST_TTL_SECONDS,
    qrMaxAgeSeconds: e.SANDBOX_IDURA_QR_MAX_AGE_SECONDS,
  };
}

/** The configuration as this provider's code sees it: the common part and its own. */
export type IduraSandboxConfig = ConfigFor<"idura", IduraConfig>;
