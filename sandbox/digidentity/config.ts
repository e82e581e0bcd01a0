import { z } from "zod";

import type { ConfigFor } from "../shared/provider";

import { clientList, portalCallbacks, redirectUriList, type SliceContext } from "../shared/env";

/** Digidentity's variables (docs/sandbox.md lists them with the common ones). */
export const digidentityEnv = {
  SANDBOX_DIGIDENTITY_REDIRECT_URIS: redirectUriList.default([]),
  SANDBOX_DIGIDENTITY_CLIENT_ID: z.string().min(1).max(200).default("rmi-portal-demo"),
  SANDBOX_DIGIDENTITY_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-digidentity-secret"),
  SANDBOX_DIGIDENTITY_EXTRA_CLIENTS: clientList.default([]),
  SANDBOX_DIGIDENTITY_PRODUCT_SCOPE: z
    .string()
    .regex(/^[A-Za-z0-9]{16}$/, "expected 16 alphanumeric characters, like Digidentity's product scopes")
    .default("sandbox0product1"),
};

export interface DigidentityConfig {
  clientId: string;
  clientSecret: string;
  /** Exact-match allowlist, as Digidentity does in production. */
  redirectUris: string[];
  productScope: string;
  extraClients: { clientId: string; clientSecret: string }[];
}

export function digidentityConfig(
  e: z.infer<z.ZodObject<typeof digidentityEnv>>,
  ctx: SliceContext,
): DigidentityConfig {
  return {
    clientId: e.SANDBOX_DIGIDENTITY_CLIENT_ID,
    clientSecret: e.SANDBOX_DIGIDENTITY_CLIENT_SECRET,
    redirectUris: portalCallbacks(ctx, "digidentity", e.SANDBOX_DIGIDENTITY_REDIRECT_URIS),
    productScope: e.SANDBOX_DIGIDENTITY_PRODUCT_SCOPE,
    extraClients: e.SANDBOX_DIGIDENTITY_EXTRA_CLIENTS,
  };
}

/** The configuration as this provider's code sees it: the common part and its own. */
export type DigidentitySandboxConfig = ConfigFor<"digidentity", DigidentityConfig>;
