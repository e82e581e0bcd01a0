import type { IduraSandboxConfig } from "./config";
import type { IduraConfig } from "./config";
import { PREFIX } from "./state";

export interface IduraSettings extends IduraConfig {
  issuer: string;
  /** Every registered client, the main one first; all share the redirect allowlist. */
  clients: readonly { clientId: string; clientSecret: string }[];
  /** Display names by client id (sandbox/config.ts). */
  clientNames: Readonly<Record<string, string>>;
}

export function iduraSettings(config: IduraSandboxConfig): IduraSettings {
  return {
    ...config.idura,
    issuer: `${config.issuerBase}${PREFIX}`,
    clients: [
      { clientId: config.idura.clientId, clientSecret: config.idura.clientSecret },
      ...config.idura.extraClients,
    ],
    clientNames: config.clientNames,
  };
}
