import type { DigidentitySandboxConfig } from "./config";

export interface DigidentitySettings {
  issuer: string;
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  /** Every registered client, the main one first; all share the allowlist and product scope. */
  clients: readonly { clientId: string; clientSecret: string }[];
  redirectUris: readonly string[];
  productScope: string;
  /** Display names by client id (sandbox/config.ts). */
  clientNames: Readonly<Record<string, string>>;
  qrTtlMs: number;
  codeTtlMs: number;
}

export function digidentitySettings(config: DigidentitySandboxConfig): DigidentitySettings {
  return {
    issuer: `${config.issuerBase}/digidentity`,
    publicUrl: config.publicUrl,
    ...config.digidentity,
    clients: [
      { clientId: config.digidentity.clientId, clientSecret: config.digidentity.clientSecret },
      ...config.digidentity.extraClients,
    ],
    clientNames: config.clientNames,
    qrTtlMs: config.qrTtlSeconds * 1000,
    codeTtlMs: config.codeTtlSeconds * 1000,
  };
}
