import type { SignicatSandboxConfig } from "./config";

export interface SignicatSettings {
  /** `${SANDBOX_ISSUER_BASE}/signicat`; each platform's issuer is below it (`/auth/open`, `/oidc`). */
  base: string;
  clientId: string;
  clientSecret: string;
  /** Every registered client, the main one first; all share the redirect allowlist. */
  clients: readonly { clientId: string; clientSecret: string }[];
  redirectUris: readonly string[];
  /** The names the MitID screens call each client by (SANDBOX_SERVICE_NAME, SANDBOX_CLIENT_NAMES). */
  clientNames: Readonly<Record<string, string>>;
}

export function signicatSettings(config: SignicatSandboxConfig): SignicatSettings {
  return {
    base: `${config.issuerBase}/signicat`,
    clientId: config.signicat.clientId,
    clientSecret: config.signicat.clientSecret,
    clients: [
      { clientId: config.signicat.clientId, clientSecret: config.signicat.clientSecret },
      ...config.signicat.extraClients,
      { clientId: config.signicat.partner.clientId, clientSecret: config.signicat.partner.clientSecret },
    ],
    redirectUris: [...config.signicat.redirectUris, `${config.issuerBase}/signicat/partner/callback`],
    clientNames: config.clientNames,
  };
}
