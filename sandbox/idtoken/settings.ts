import type { IdtSandboxConfig } from "./config";
import type { IdtConfig } from "./config";

export interface IdtSettings extends IdtConfig {
  issuer: string;
  publicUrl: string;
  /** Every registered service, the main one first. */
  serviceIds: readonly string[];
  /** Display names by service id (sandbox/config.ts). */
  clientNames: Readonly<Record<string, string>>;
}

export function idtSettings(config: IdtSandboxConfig): IdtSettings {
  return {
    ...config.idtoken,
    issuer: `${config.issuerBase}/idtoken`,
    publicUrl: config.publicUrl,
    serviceIds: [config.idtoken.serviceId, ...config.idtoken.extraServiceIds],
    clientNames: config.clientNames,
  };
}
