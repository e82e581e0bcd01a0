/**
 * Signicat's names, error codes and configuration (lib/providers/descriptor.ts,
 * docs/configuration.md). No `server-only`: the start scripts and unit tests load it. Every
 * default below is explained, with its source, in docs/providers/signicat.md.
 */
import { z } from "zod";

import {
  baseUrl,
  defineProvider,
  optionalString,
  providerUrl,
  required,
  type ModuleImport,
  type SliceContext,
} from "../descriptor";

import { SANDBOX_REQUEST_SIGNING_JWK } from "./sandbox-request-key";
import { buildTransfer, transferEnvSchema, type SessionTransferConfig } from "./transfer-config";

/** The sandbox's Signicat client (sandbox/signicat/config.ts says the same). */
export const SIGNICAT_SANDBOX_DEFAULTS = {
  SIGNICAT_CLIENT_ID: "rmi-portal-signicat",
  SIGNICAT_CLIENT_SECRET: "sandbox-signicat-secret",
} as const;

/** Public contract: it forms the redirect URI `${AUTH_URL}/api/auth/callback/signicat`. */
export const SIGNICAT_ID = "signicat";

/**
 * The values a MitID login keeps for later in the encrypted session cookie (`loginSecrets`,
 * types/next-auth.d.ts): Enterprise's `auth_token_id`, for a step-up, and `signicat.cta_id`,
 * for a MitID Session Transfer (docs/providers/signicat.md). Never in the browser's session.
 */
export const SIGNICAT_SECRETS = { stepUpToken: "stepUpToken", transferHandle: "transferHandle" } as const;

/** Which Signicat product the customer holds: the eID Hub (`/auth/open`) or Enterprise (`/oidc`). */
export const SIGNICAT_PLATFORMS = ["eid-hub", "enterprise"] as const;
export type SignicatPlatform = (typeof SIGNICAT_PLATFORMS)[number];

/** Asymmetric algorithms only: the eID Hub lists no HS* for request objects (docs/providers/signicat.md). */
export const REQUEST_SIGNING_ALGS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
] as const;
export type RequestSigningAlg = (typeof REQUEST_SIGNING_ALGS)[number];

export const REQUEST_ENCRYPTION_ENCS = [
  "A128CBC-HS256",
  "A192CBC-HS384",
  "A256CBC-HS512",
  "A256GCM",
] as const;

const trimmed = optionalString.transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const scopeList = trimmed.pipe(
  z
    .string()
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, "must be scopes separated by spaces")
    .optional(),
);

export const signicatEnvSchema = transferEnvSchema.extend({
  SIGNICAT_ISSUER: baseUrl.optional(),
  SIGNICAT_CLIENT_ID: optionalString,
  SIGNICAT_CLIENT_SECRET: optionalString,
  SIGNICAT_PLATFORM: z.enum(SIGNICAT_PLATFORMS).default("eid-hub"),
  SIGNICAT_ACR_VALUES: trimmed.pipe(z.string().max(500).optional()),
  SIGNICAT_REQUEST_SIGNING_KEY: trimmed,
  SIGNICAT_REQUEST_SIGNING_KID: trimmed.pipe(z.string().max(200).optional()),
  SIGNICAT_REQUEST_SIGNING_ALG: trimmed.pipe(z.enum(REQUEST_SIGNING_ALGS).optional()),
  SIGNICAT_REQUEST_ENCRYPTION_ENC: z.enum(REQUEST_ENCRYPTION_ENCS).default("A256CBC-HS512"),
  SIGNICAT_BUSINESS_SCOPE: scopeList,
  SIGNICAT_COMPANY_SCOPE: scopeList,
});

/** A private key as given: a JWK (JSON) or a PKCS#8 PEM; imported where it is used. */
export type SigningKeySource =
  { format: "jwk"; jwk: Record<string, unknown> } | { format: "pem"; pem: string };

export type SignicatConfig = {
  platform: SignicatPlatform;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** eID Hub: `idp:mitid`; Enterprise: the customer's `urn:signicat:oidc:method:<method>`. */
  acrValues: string;
  /** eID Hub only: the client's own key that signs request objects; none means no request object. */
  requestSigning: { key: SigningKeySource; kid: string | undefined; alg: RequestSigningAlg } | undefined;
  requestEncryptionEnc: (typeof REQUEST_ENCRYPTION_ENCS)[number];
  /** Scopes added for MitID Business and for Private for Business; undefined: that choice is off. */
  businessScope: string | undefined;
  companyScope: string | undefined;
  /** MitID Session Transfer; undefined: off (transfer-config.ts). */
  transfer: SessionTransferConfig | undefined;
};

/** The defaults a platform documents; see docs/providers/signicat.md for each source. */
export const PLATFORM_DEFAULTS = {
  "eid-hub": {
    acrValues: "idp:mitid",
    /** Not documented for the eID Hub: on only when configured, or against the sandbox. */
    businessScope: undefined,
    companyScope: undefined,
  },
  enterprise: {
    acrValues: undefined,
    businessScope: "signicat.organization mitid.business",
    companyScope: "signicat.organization",
  },
} as const;

/**
 * What the portal sends the sandbox when nobody configured anything. eID Hub business scopes are
 * the sandbox's choice (docs/providers/signicat.md: unconfirmed), so the four choices can be tried.
 */
export const SIGNICAT_SANDBOX_CHOICES = {
  enterpriseAcrValues: "urn:signicat:oidc:method:mitid",
  eidHubBusinessScope: "signicat.organization mitid.business",
  eidHubCompanyScope: "mitid-private-business",
} as const;

function parseSigningKey(value: string): SigningKeySource | string {
  const text = value.replace(/\\n/g, "\n");
  if (text.startsWith("{")) {
    try {
      const jwk = JSON.parse(text) as Record<string, unknown>;
      if (typeof jwk.kty !== "string" || typeof jwk.d !== "string") {
        return "must be a private JWK (with kty and d) or a PKCS#8 PEM";
      }
      return { format: "jwk", jwk };
    } catch {
      return "is not valid JSON";
    }
  }
  if (/^-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----\s*$/.test(text)) {
    return { format: "pem", pem: text };
  }
  return "must be a private JWK (JSON) or a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)";
}

function defaultAlg(key: SigningKeySource): RequestSigningAlg {
  if (key.format === "jwk") {
    const alg = key.jwk.alg;
    if (typeof alg === "string" && (REQUEST_SIGNING_ALGS as readonly string[]).includes(alg)) {
      return alg as RequestSigningAlg;
    }
    if (key.jwk.kty === "EC")
      return key.jwk.crv === "P-384" ? "ES384" : key.jwk.crv === "P-521" ? "ES512" : "ES256";
  }
  return "RS256";
}

function buildSignicat(e: z.infer<typeof signicatEnvSchema>, ctx: SliceContext): SignicatConfig {
  const problems = ctx.problems;
  const platform = e.SIGNICAT_PLATFORM;
  const defaults = PLATFORM_DEFAULTS[platform];
  const issuer = providerUrl(
    ctx,
    "SIGNICAT_ISSUER",
    e.SIGNICAT_ISSUER,
    platform === "enterprise" ? "/signicat/oidc" : "/signicat/auth/open",
  );
  const d = SIGNICAT_SANDBOX_DEFAULTS;
  const clientId = required(ctx, "SIGNICAT_CLIENT_ID", e.SIGNICAT_CLIENT_ID, d.SIGNICAT_CLIENT_ID);
  const clientSecret = required(
    ctx,
    "SIGNICAT_CLIENT_SECRET",
    e.SIGNICAT_CLIENT_SECRET,
    d.SIGNICAT_CLIENT_SECRET,
  );

  let acrValues: string | undefined = e.SIGNICAT_ACR_VALUES ?? defaults.acrValues;
  if (!acrValues && ctx.sandbox) acrValues = SIGNICAT_SANDBOX_CHOICES.enterpriseAcrValues;
  if (!acrValues) {
    problems.push(
      "SIGNICAT_ACR_VALUES: required with SIGNICAT_PLATFORM=enterprise (your MitID method, urn:signicat:oidc:method:<method>)",
    );
  }

  let requestSigning: SignicatConfig["requestSigning"];
  if (e.SIGNICAT_REQUEST_SIGNING_KEY) {
    const key = parseSigningKey(e.SIGNICAT_REQUEST_SIGNING_KEY);
    if (typeof key === "string") problems.push(`SIGNICAT_REQUEST_SIGNING_KEY: ${key}`);
    else {
      const kid =
        e.SIGNICAT_REQUEST_SIGNING_KID ??
        (key.format === "jwk" && typeof key.jwk.kid === "string" ? key.jwk.kid : undefined);
      requestSigning = { key, kid, alg: e.SIGNICAT_REQUEST_SIGNING_ALG ?? defaultAlg(key) };
    }
  } else if (ctx.sandbox && platform === "eid-hub") {
    const key: SigningKeySource = { format: "jwk", jwk: { ...SANDBOX_REQUEST_SIGNING_JWK } };
    requestSigning = { key, kid: SANDBOX_REQUEST_SIGNING_JWK.kid, alg: "RS256" };
  }
  if (requestSigning && platform === "enterprise") {
    problems.push(
      "SIGNICAT_REQUEST_SIGNING_KEY: Signicat Enterprise takes an encrypted request object that is not signed; remove it or set SIGNICAT_PLATFORM=eid-hub",
    );
  }

  const sandboxScope = (value: string) => (ctx.sandbox && platform === "eid-hub" ? value : undefined);
  return {
    platform,
    issuer,
    clientId,
    clientSecret,
    acrValues: acrValues ?? "",
    requestSigning,
    requestEncryptionEnc: e.SIGNICAT_REQUEST_ENCRYPTION_ENC,
    businessScope:
      e.SIGNICAT_BUSINESS_SCOPE ??
      defaults.businessScope ??
      sandboxScope(SIGNICAT_SANDBOX_CHOICES.eidHubBusinessScope),
    companyScope:
      e.SIGNICAT_COMPANY_SCOPE ??
      defaults.companyScope ??
      sandboxScope(SIGNICAT_SANDBOX_CHOICES.eidHubCompanyScope),
    transfer: buildTransfer(e, ctx, { clientId, clientSecret }),
  };
}

export const signicatDescriptor = defineProvider({
  key: "signicat",
  sandboxDefaults: SIGNICAT_SANDBOX_DEFAULTS,
  displayName: "Signicat",
  authProviderIds: [SIGNICAT_ID],
  identityKinds: ["mitid"],
  // Only codes a public source shows (docs/providers/signicat.md): the eID Hub's come in
  // `error` (a cancel came back as IDP-3200), Enterprise's in `error_description`.
  providerErrors: {
    "IDP-3200": "cancelled",
    "urn:signicat:error:usercancel": "cancelled",
    "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR": "lacks_signatory_rights",
    // MitID Session Transfer: no codes are published; these are the sandbox's, unconfirmed.
    mitid_transfer_token_text_mismatch: "transfer_text_mismatch",
    mitid_transfer_token_expired: "transfer_code_expired",
    mitid_transfer_token_used: "transfer_code_used",
  },
  // Its own reasons (public contracts) and client message namespaces (lib/providers/descriptor.ts).
  loginFailureReasons: [
    "lacks_signatory_rights",
    "step_up_refused",
    "mitid_claims_missing",
    "transfer_text_mismatch",
    "transfer_code_expired",
    "transfer_code_used",
    "transfer_late",
    "transfer_unavailable",
  ],
  clientNamespaces: [],
  schema: signicatEnvSchema,
  enabledBy: ["SIGNICAT_ISSUER", "SIGNICAT_CLIENT_ID", "SIGNICAT_CLIENT_SECRET"],
  build: buildSignicat,
  // A hand-over to a partner is a form post to its origin (docs/providers/signicat.md).
  origins: (cfg) => ({
    form: [
      ...new Set([
        new URL(cfg.issuer).origin,
        ...(cfg.transfer?.partners ?? []).flatMap((p) =>
          [p.handoverUrl, ...p.redirectOrigins].map((u) => new URL(u).origin),
        ),
      ]),
    ],
    connect: [],
  }),
  load: (): ModuleImport<"signicat"> => import("./index"),
});

/** Signicat's settings from an environment, and the problems naming each bad variable (tests, scripts). */
export function buildSignicatConfig(
  env: Record<string, string | undefined>,
  context: { sandbox: boolean; sandboxUrl: string; allowLoopbackHttp?: boolean },
): { config: SignicatConfig; problems: string[] } {
  const problems: string[] = [];
  const parsed = signicatEnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.success ? parsed.data : signicatEnvSchema.parse({});
  const config = buildSignicat(e, {
    allowLoopbackHttp: false,
    sandboxPublicUrl: context.sandboxUrl,
    ...context,
    problems,
  });
  return { config, problems };
}
