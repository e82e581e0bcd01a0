/** IDToken's names, error codes and configuration (lib/providers/descriptor.ts, docs/configuration.md). */
import { z } from "zod";

import { baseUrl, defineProvider, optionalString, providerUrl, required } from "../descriptor";
import type { ModuleImport } from "../descriptor";

/** The sandbox's IDToken service (sandbox/idtoken/config.ts says the same). */
export const IDTOKEN_SANDBOX_DEFAULTS = { IDTOKEN_SERVICE_ID: "rmi-portal-demo" } as const;

/** Public contract: the provider id of IDToken logins. */
export const IDTOKEN_ID = "idtoken";

export const idtokenDescriptor = defineProvider({
  key: "idtoken",
  sandboxDefaults: IDTOKEN_SANDBOX_DEFAULTS,
  displayName: "IDToken",
  authProviderIds: [IDTOKEN_ID],
  identityKinds: ["idtoken"],
  // docs/providers/idtoken.md names the source of each code.
  providerErrors: {},
  // Its own reasons (public contracts) and client message namespaces (lib/providers/descriptor.ts).
  loginFailureReasons: [
    "idtoken_rejected",
    "idtoken_expired",
    "idtoken_too_many_attempts",
    "idtoken_invalid_signature",
    "idtoken_invalid_otp",
    "idtoken_replaced",
  ],
  clientNamespaces: ["IdTokenLogin"],
  schema: z.object({
    IDTOKEN_OPERATOR_URL: baseUrl.optional(),
    IDTOKEN_ISSUER: baseUrl.optional(),
    IDTOKEN_WS_URL: z
      .url({ protocol: /^wss?$/ })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    IDTOKEN_SERVICE_ID: optionalString,
    IDTOKEN_AUDIENCE: optionalString,
    IDTOKEN_SCOPES: z
      .string()
      .default("identity:basic identity:date_of_birth identity:age_over_18")
      .transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0))
      .pipe(
        z
          .array(z.string().regex(/^identity:[a-z_0-9]+$/, "expected IDToken scopes like identity:name"))
          .min(1),
      ),
    // Off unless set: the documented JWT names no session (docs/providers/idtoken.md).
    IDTOKEN_SESSION_CLAIM: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .optional(),
    IDTOKEN_APPROVAL_RANDOM: z.enum(["auto", "required", "off"]).default("auto"),
    IDTOKEN_APPROVAL_HMAC_KEY: z.string().min(16).max(512).optional(),
    IDTOKEN_APPROVAL_HMAC_INPUT: z
      .string()
      .min(1)
      .max(200)
      .refine(
        (v) => /\{(sessionId|random|jwt|tokenId)\}/.test(v),
        "name {sessionId}, {random}, {jwt} or {tokenId}",
      )
      .default("{sessionId}.{random}"),
  }),
  enabledBy: ["IDTOKEN_OPERATOR_URL", "IDTOKEN_SERVICE_ID"],
  build(e, ctx) {
    const operatorUrl = providerUrl(ctx, "IDTOKEN_OPERATOR_URL", e.IDTOKEN_OPERATOR_URL, "/idtoken");
    const issuer = e.IDTOKEN_ISSUER
      ? providerUrl(ctx, "IDTOKEN_ISSUER", e.IDTOKEN_ISSUER, "/idtoken")
      : operatorUrl;
    // The socket lives beside the operator's API unless the operator names another host.
    const wsGiven = e.IDTOKEN_WS_URL ?? (operatorUrl ? operatorUrl.replace(/^http/, "ws") : undefined);
    const wsUrl = wsGiven ? providerUrl(ctx, "IDTOKEN_WS_URL", wsGiven, "/idtoken", "wss") : "";
    const serviceId = required(
      ctx,
      "IDTOKEN_SERVICE_ID",
      e.IDTOKEN_SERVICE_ID,
      IDTOKEN_SANDBOX_DEFAULTS.IDTOKEN_SERVICE_ID,
    );
    return {
      /** Base of /auth/initiate and /.well-known/jwks.json. */
      operatorUrl,
      /** The JWT's `iss`. */
      issuer,
      /** Base of the WebSocket the browser opens (ws:// or wss://). */
      wsUrl,
      serviceId,
      /** The JWT's `aud`. */
      audience: e.IDTOKEN_AUDIENCE ?? serviceId,
      scopes: e.IDTOKEN_SCOPES,
      /** The JWT claim naming the session the approval answers; undefined: not checked. */
      sessionClaim: e.IDTOKEN_SESSION_CLAIM,
      /** Whether `approved.random` must equal the initiation's (auto: when it gave one). */
      approvalRandom: e.IDTOKEN_APPROVAL_RANDOM,
      /** The `hash` check (undocumented key and input): off without a key. */
      approvalHmac: e.IDTOKEN_APPROVAL_HMAC_KEY
        ? { key: e.IDTOKEN_APPROVAL_HMAC_KEY, input: e.IDTOKEN_APPROVAL_HMAC_INPUT }
        : undefined,
    };
  },
  // The IDToken page listens on the operator's WebSocket from the browser; no form goes there.
  origins: (cfg) => ({ form: [], connect: [new URL(cfg.wsUrl).origin] }),
  load: (): ModuleImport<"idtoken"> => import("./index"),
});

export type IdtConfig = ReturnType<typeof idtokenDescriptor.build>;
