/** Signicat's names, error codes and configuration (lib/providers/descriptor.ts, docs/configuration.md). */
import { z } from "zod";

import { baseUrl, defineProvider, optionalString, providerUrl, required } from "../descriptor";

/** The sandbox's Signicat client (sandbox/config.ts says the same). */
export const SIGNICAT_SANDBOX_DEFAULTS = {
  SIGNICAT_CLIENT_ID: "rmi-portal-signicat",
  SIGNICAT_CLIENT_SECRET: "sandbox-signicat-secret",
} as const;

export const SIGNICAT_ID = "signicat";

export const signicatDescriptor = defineProvider({
  key: "signicat",
  displayName: "Signicat",
  authProviderIds: [SIGNICAT_ID],
  // docs/providers/signicat.md names the source of each code.
  providerErrors: {
    "urn:signicat:error:usercancel": "cancelled",
    "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR": "lacks_signatory_rights",
    "urn:signicat:error:CPR_MATCH_FAILED_ERROR": "cpr_not_matched",
    "urn:signicat:error:CPR_MATCH_NOT_POSSIBLE_FOR_BUSINESS_IDENTITY_ERROR": "cpr_match_business_identity",
    "urn:signicat:error:NO_BUSINESS_IDENTITY_ERROR": "no_business_identity",
    "urn:signicat:error:STEP_UP_REFUSED_ERROR": "step_up_refused",
  },
  schema: z.object({
    SIGNICAT_ISSUER: baseUrl.optional(),
    SIGNICAT_CLIENT_ID: optionalString,
    SIGNICAT_CLIENT_SECRET: optionalString,
  }),
  enabledBy: ["SIGNICAT_ISSUER", "SIGNICAT_CLIENT_ID", "SIGNICAT_CLIENT_SECRET"],
  build(e, ctx) {
    const d = SIGNICAT_SANDBOX_DEFAULTS;
    return {
      issuer: providerUrl(ctx, "SIGNICAT_ISSUER", e.SIGNICAT_ISSUER, "/signicat/auth/open"),
      clientId: required(ctx, "SIGNICAT_CLIENT_ID", e.SIGNICAT_CLIENT_ID, d.SIGNICAT_CLIENT_ID),
      clientSecret: required(
        ctx,
        "SIGNICAT_CLIENT_SECRET",
        e.SIGNICAT_CLIENT_SECRET,
        d.SIGNICAT_CLIENT_SECRET,
      ),
    };
  },
  origins: (cfg) => ({ form: [new URL(cfg.issuer).origin], connect: [] }),
});

export type SignicatConfig = ReturnType<typeof signicatDescriptor.build>;
