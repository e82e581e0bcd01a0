import { z } from "zod";

import type { ConfigFor } from "../shared/provider";

import { commaList, scopeList, seconds } from "../shared/env";

/** IDToken's variables (docs/sandbox.md lists them with the common ones). */
export const idtokenEnv = {
  SANDBOX_IDTOKEN_SERVICE_ID: z.string().min(1).max(200).default("rmi-portal-demo"),
  SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: commaList.default([]),
  SANDBOX_IDTOKEN_ALLOWED_SCOPES: scopeList.default(["identity:full", "identity:age_over_18"]),
  SANDBOX_IDTOKEN_DEFAULT_SCOPES: scopeList.default(["identity:basic"]),
  SANDBOX_IDTOKEN_SESSION_TTL_SECONDS: seconds.default(60),
  SANDBOX_IDTOKEN_JWT_TTL_SECONDS: seconds.default(300),
};

export interface IdtConfig {
  /** The registered service; it is also the JWT audience. */
  serviceId: string;
  /** More services (`SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS`): one can misbehave while another logs in. */
  extraServiceIds: string[];
  /** The scope ceiling from onboarding: a request beyond it is refused. */
  allowedScopes: string[];
  /** Asked for when a request names no scopes. */
  defaultScopes: string[];
  sessionTtlSeconds: number;
  jwtTtlSeconds: number;
}

export function idtokenConfig(e: z.infer<z.ZodObject<typeof idtokenEnv>>): IdtConfig {
  return {
    serviceId: e.SANDBOX_IDTOKEN_SERVICE_ID,
    extraServiceIds: e.SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS,
    allowedScopes: e.SANDBOX_IDTOKEN_ALLOWED_SCOPES,
    defaultScopes: e.SANDBOX_IDTOKEN_DEFAULT_SCOPES,
    sessionTtlSeconds: e.SANDBOX_IDTOKEN_SESSION_TTL_SECONDS,
    jwtTtlSeconds: e.SANDBOX_IDTOKEN_JWT_TTL_SECONDS,
  };
}

/** The configuration as this provider's code sees it: the common part and its own. */
export type IdtSandboxConfig = ConfigFor<"idtoken", IdtConfig>;
