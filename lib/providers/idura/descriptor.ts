/** Idura's names, error codes and configuration (lib/providers/descriptor.ts, docs/configuration.md). */
import { z } from "zod";

import { baseUrl, defineProvider, optionalString, providerUrl, required } from "../descriptor";
import type { ModuleImport } from "../descriptor";

/** The sandbox's Idura client (sandbox/idura/config.ts says the same). */
export const IDURA_SANDBOX_DEFAULTS = {
  IDURA_CLIENT_ID: "rmi-portal-idura",
  IDURA_CLIENT_SECRET: "sandbox-idura-secret",
} as const;

/**
 * The sandbox's call-centre agent, Mia Holm (MitID Erhverv through Idura): with the sandbox on
 * and CALL_CENTRE_AGENTS unset she is the one agent (sandbox/idura/personas.ts says the same).
 */
export const IDURA_SANDBOX_AGENT = {
  provider: "idura",
  subject: "{7c3e9a1f-3333-4b8d-9c2e-5f6a7b8c9d0e}",
} as const;

export const IDURA_ID = "idura";
/** Public contract: the provider id of the headless (animated QR) Swedish BankID login. */
export const IDURA_BANKID_ID = "idura-bankid";

export const iduraDescriptor = defineProvider({
  key: "idura",
  sandboxDefaults: IDURA_SANDBOX_DEFAULTS,
  sandboxAgents: [IDURA_SANDBOX_AGENT],
  displayName: "Idura",
  authProviderIds: [IDURA_ID, IDURA_BANKID_ID],
  identityKinds: ["nordic-eid"],
  // docs/providers/idura.md names the source of each code.
  providerErrors: {},
  // Its own reasons (public contracts) and client message namespaces (lib/providers/descriptor.ts).
  loginFailureReasons: [],
  clientNamespaces: ["BankIdLogin", "AgentVerify"],
  schema: z.object({
    IDURA_ISSUER: baseUrl.optional(),
    IDURA_CLIENT_ID: optionalString,
    IDURA_CLIENT_SECRET: optionalString,
    IDURA_CIBA_ACR: z
      .enum(["urn:grn:authn:se:bankid", "urn:grn:authn:no:bankid"])
      .default("urn:grn:authn:se:bankid"),
    // Idura's headless examples use `urn:grn:authn:se:bankid` (docs/providers/idura.md).
    IDURA_HEADLESS_ACR: z.string().default("urn:grn:authn:se:bankid"),
    /** Idura: "the token endpoint should be polled every 5 seconds" (docs/providers/idura.md). */
    IDURA_HEADLESS_POLL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
    /**
     * Where "Open BankID on this device" leads, with `?autostarttoken=…&redirect=null` appended:
     * BankID's app link (docs/providers/idura.md, "Opening BankID on this device"); with the
     * sandbox on, the sandbox's BankID app page.
     */
    IDURA_BANKID_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Swedish BankID CIBA's `phoneAuth` `callInitiator`: who placed the call. */
    IDURA_CIBA_CALL_INITIATOR: z.enum(["RP", "user"]).default("RP"),
  }),
  enabledBy: ["IDURA_ISSUER", "IDURA_CLIENT_ID", "IDURA_CLIENT_SECRET"],
  build(e, ctx) {
    const d = IDURA_SANDBOX_DEFAULTS;
    return {
      issuer: providerUrl(ctx, "IDURA_ISSUER", e.IDURA_ISSUER, "/idura"),
      clientId: required(ctx, "IDURA_CLIENT_ID", e.IDURA_CLIENT_ID, d.IDURA_CLIENT_ID),
      clientSecret: required(ctx, "IDURA_CLIENT_SECRET", e.IDURA_CLIENT_SECRET, d.IDURA_CLIENT_SECRET),
      /** acr_values of CIBA requests from the call-centre page. */
      cibaAcr: e.IDURA_CIBA_ACR,
      /** acr_values of the headless (animated QR) Swedish BankID login. */
      headlessAcr: e.IDURA_HEADLESS_ACR,
      /** How often the portal polls Idura for a headless login; the page still asks every second. */
      headlessPollSeconds: e.IDURA_HEADLESS_POLL_SECONDS,
      /** The BankID app link a phone opens to identify on this device. */
      bankIdAppUrl:
        e.IDURA_BANKID_APP_URL ??
        (ctx.sandbox ? `${ctx.sandboxPublicUrl}/idura/app/bankid` : "https://app.bankid.com/"),
      /** `callInitiator` of Swedish BankID's phoneAuth: RP (we call) or user (they called). */
      cibaCallInitiator: e.IDURA_CIBA_CALL_INITIATOR,
    };
  },
  origins: (cfg) => ({ form: [new URL(cfg.issuer).origin], connect: [] }),
  load: (): ModuleImport<"idura"> => import("./index"),
});

export type IduraConfig = ReturnType<typeof iduraDescriptor.build>;
