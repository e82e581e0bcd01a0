import type { JWK } from "jose";
import { z } from "zod";

/** RSA private JWK as jose accepts it; only the members RS256 signing needs are checked. */
const rsaPrivateJwkSchema = z.looseObject({
  kty: z.literal("RSA"),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});

export type RsaPrivateJwk = z.infer<typeof rsaPrivateJwkSchema>;

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an absolute http(s) URL" });
const baseUrl = httpUrl.transform((url) => url.replace(/\/+$/, ""));
const seconds = z.coerce.number().int().min(1).max(86_400);

/** An allowlisted redirect_uri is compared character for character, so a fragment could never match. */
const redirectUri = httpUrl.refine((url) => !url.includes("#"), "a redirect_uri must not have a fragment");

const redirectUriList = z
  .string()
  .transform((list) =>
    list
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  )
  .pipe(z.array(redirectUri));

/**
 * More clients as `id:secret,id:secret`. They share their provider's redirect allowlist (and,
 * at Digidentity, the product scope); a second client lets one portal misbehave on purpose while another logs in normally.
 */
const clientList = z.string().transform((list, ctx) =>
  list
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const [clientId, ...rest] = item.split(":");
      const clientSecret = rest.join(":");
      if (!clientId || !clientSecret) {
        ctx.addIssue({ code: "custom", message: "expected id:secret pairs separated by commas" });
        return z.NEVER;
      }
      return { clientId, clientSecret };
    }),
);

/**
 * Display names of clients, `id=Name,id=Name`: what the phone pages call the service that asks
 * ("Example Motors RMI portal asks you to log in"), as the real apps show the registered name.
 */
const nameList = z.string().transform((list, ctx) =>
  Object.fromEntries(
    list
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0)
      .map((item) => {
        const [id, ...rest] = item.split("=");
        const name = rest.join("=").trim();
        if (!id?.trim() || !name) {
          ctx.addIssue({ code: "custom", message: "expected id=Name pairs separated by commas" });
          return ["", ""];
        }
        return [id.trim(), name];
      }),
  ),
);

const idList = z.string().transform((list) =>
  list
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const signingKey = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "expected JSON (an RSA private JWK)" });
      return z.NEVER;
    }
  })
  .pipe(rsaPrivateJwkSchema);

/** Space- or comma-separated scope names, as IDToken's onboarding hands them out. */
const scopeList = z.string().transform((list) => list.split(/[\s,]+/).filter((item) => item.length > 0));

const envSchema = z.object({
  SANDBOX_SERVICE_NAME: z.string().min(1).max(100).default("Example Motors RMI portal"),
  SANDBOX_CLIENT_NAMES: nameList.default({}),
  SANDBOX_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_ISSUER_BASE: baseUrl.optional(),
  SANDBOX_PUBLIC_URL: baseUrl.optional(),
  SANDBOX_PORTAL_URL: baseUrl.optional(),
  SANDBOX_DIGIDENTITY_REDIRECT_URIS: redirectUriList.default([]),
  SANDBOX_DIGIDENTITY_CLIENT_ID: z.string().min(1).max(200).default("rmi-portal-demo"),
  SANDBOX_DIGIDENTITY_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-digidentity-secret"),
  SANDBOX_DIGIDENTITY_EXTRA_CLIENTS: clientList.default([]),
  SANDBOX_DIGIDENTITY_PRODUCT_SCOPE: z
    .string()
    .regex(/^[A-Za-z0-9]{16}$/, "expected 16 alphanumeric characters, like Digidentity's product scopes")
    .default("sandbox0product1"),
  SANDBOX_QR_TTL_SECONDS: seconds.default(120),
  SANDBOX_CODE_TTL_SECONDS: seconds.default(60),
  SANDBOX_SIGNING_KEY: signingKey.optional(),
  SANDBOX_SIGNICAT_CLIENT_ID: z.string().min(1).max(200).default("rmi-portal-signicat"),
  SANDBOX_SIGNICAT_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-signicat-secret"),
  SANDBOX_SIGNICAT_EXTRA_CLIENTS: clientList.default([]),
  SANDBOX_SIGNICAT_REDIRECT_URIS: redirectUriList.default([]),
  SANDBOX_SIGNICAT_PSD2_CLIENTS: idList.default([]),
  SANDBOX_SIGNICAT_CPR_CACHE_FILE: z.string().min(1).default(".data/signicat-cpr-cache.json"),
  /** More public keys registered on the Signicat clients (a JWKS), to verify signed request objects. */
  SANDBOX_SIGNICAT_CLIENT_JWKS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return [];
      try {
        const parsed = JSON.parse(v) as { keys?: unknown };
        if (Array.isArray(parsed.keys)) return parsed.keys as JWK[];
      } catch {
        // Reported below.
      }
      ctx.addIssue({ code: "custom", message: 'must be a JWKS: {"keys": [...]}' });
      return z.NEVER;
    }),
  SANDBOX_SIGNICAT_CPR_CACHE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Clients set up for MitID Session Transfer; default: the main client and the partner. */
  SANDBOX_SIGNICAT_TRANSFER_CLIENTS: idList.optional(),
  /** Lifetime of a Transfer Token Exchange Code ("long" at MitID; its value is unconfirmed). */
  SANDBOX_SIGNICAT_TRANSFER_CODE_TTL_SECONDS: seconds.default(3600),
  /** The sandbox's partner service: a second MitID service provider for the round trip. */
  SANDBOX_SIGNICAT_PARTNER_CLIENT_ID: z.string().min(1).max(200).default("sandbox-partner-nordic-parts"),
  SANDBOX_SIGNICAT_PARTNER_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-partner-secret"),
  SANDBOX_SIGNICAT_PARTNER_NAME: z.string().min(1).max(100).default("Nordic Parts (sandbox partner)"),
  /**
   * Where the partner hands users over to, `clientId=portal base URL,…`: the portal's Signicat
   * client (its MitID service provider) and its address. Default: the main client at the portal.
   */
  SANDBOX_SIGNICAT_PARTNER_PORTALS: nameList.optional(),
  SANDBOX_IDTOKEN_SERVICE_ID: z.string().min(1).max(200).default("rmi-portal-demo"),
  SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: idList.default([]),
  SANDBOX_IDTOKEN_ALLOWED_SCOPES: scopeList.default(["identity:full", "identity:age_over_18"]),
  SANDBOX_IDTOKEN_DEFAULT_SCOPES: scopeList.default(["identity:basic"]),
  SANDBOX_IDTOKEN_SESSION_TTL_SECONDS: seconds.default(60),
  SANDBOX_IDTOKEN_JWT_TTL_SECONDS: seconds.default(300),
  SANDBOX_IDURA_CLIENT_ID: z.string().min(1).max(200).default("rmi-portal-idura"),
  SANDBOX_IDURA_CLIENT_SECRET: z.string().min(1).max(500).default("sandbox-idura-secret"),
  SANDBOX_IDURA_EXTRA_CLIENTS: clientList.default([]),
  SANDBOX_IDURA_REDIRECT_URIS: redirectUriList.default([]),
  SANDBOX_IDURA_CIBA_INTERVAL_SECONDS: seconds.default(5),
  SANDBOX_IDURA_REQUEST_TTL_SECONDS: seconds.default(120),
  SANDBOX_IDURA_QR_MAX_AGE_SECONDS: seconds.default(30),
});

export interface DigidentityConfig {
  clientId: string;
  clientSecret: string;
  /** Exact-match allowlist, as Digidentity does in production. */
  redirectUris: string[];
  productScope: string;
  extraClients: { clientId: string; clientSecret: string }[];
}

export interface SignicatConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** More clients (`SANDBOX_SIGNICAT_EXTRA_CLIENTS`), sharing the redirect allowlist. */
  extraClients: { clientId: string; clientSecret: string }[];
  /** Clients for which PSD2 mode is on from the start (a control endpoint changes it later). */
  psd2Clients: string[];
  /** The "Remember my CPR" store; survives a restart. */
  cprCacheFile: string;
  cprCacheDays: number;
  /** Public keys registered on the clients besides the portal's sandbox key (`SANDBOX_SIGNICAT_CLIENT_JWKS`). */
  clientKeys: JWK[];
  /** Clients whose logins carry `signicat.cta_id` (MitID Session Transfer). */
  transferClients: string[];
  transferCodeTtlSeconds: number;
  /** The partner service (sandbox/signicat/partner.ts), a client of its own. */
  partner: { clientId: string; clientSecret: string; name: string; portals: Record<string, string> };
}

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

export interface IduraConfig {
  clientId: string;
  clientSecret: string;
  /** More clients (`SANDBOX_IDURA_EXTRA_CLIENTS`), sharing the redirect allowlist. */
  extraClients: { clientId: string; clientSecret: string }[];
  redirectUris: string[];
  /** The `interval` CIBA answers; polling sooner gets `slow_down`. */
  cibaIntervalSeconds: number;
  /** `expires_in` of CIBA and headless requests. */
  requestTtlSeconds: number;
  /** How old a scanned animated QR code may be: BankID gives a QR order 30 s (docs/providers/idura.md). */
  qrMaxAgeSeconds: number;
}

export interface SandboxConfig {
  port: number;
  host: string;
  /** Issuers live under it, one path prefix per provider. */
  issuerBase: string;
  /** Base put into QR codes, so a phone on the LAN can open them. */
  publicUrl: string;
  qrTtlSeconds: number;
  codeTtlSeconds: number;
  signingKey: RsaPrivateJwk | undefined;
  /**
   * The name each client is shown by on the phone pages: `SANDBOX_SERVICE_NAME` for the main
   * client of every provider, `SANDBOX_CLIENT_NAMES` for any other (or to override one).
   */
  clientNames: Readonly<Record<string, string>>;
  digidentity: DigidentityConfig;
  signicat: SignicatConfig;
  idtoken: IdtConfig;
  idura: IduraConfig;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the sandbox environment. All variables are optional; an empty value counts as unset so
 * that `SANDBOX_PORTAL_URL=` in a .env file means "default" rather than "invalid URL".
 */
export function parseSandboxConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") relevant[key] = value.trim();
  }
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0] ?? "env")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid sandbox configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const issuerBase = e.SANDBOX_ISSUER_BASE ?? `http://localhost:${e.SANDBOX_PORT}`;
  const callbackPath = "/api/auth/callback/digidentity";
  const portalCallbacks = e.SANDBOX_PORTAL_URL
    ? [`${e.SANDBOX_PORTAL_URL}${callbackPath}`]
    : [`http://localhost:3000${callbackPath}`, `http://127.0.0.1:3000${callbackPath}`];
  const signicatCallback = "/api/auth/callback/signicat";
  const signicatCallbacks = e.SANDBOX_PORTAL_URL
    ? [`${e.SANDBOX_PORTAL_URL}${signicatCallback}`]
    : [`http://localhost:3000${signicatCallback}`, `http://127.0.0.1:3000${signicatCallback}`];
  return {
    port: e.SANDBOX_PORT,
    host: e.SANDBOX_HOST,
    issuerBase,
    publicUrl: e.SANDBOX_PUBLIC_URL ?? issuerBase,
    qrTtlSeconds: e.SANDBOX_QR_TTL_SECONDS,
    codeTtlSeconds: e.SANDBOX_CODE_TTL_SECONDS,
    signingKey: e.SANDBOX_SIGNING_KEY,
    clientNames: {
      ...Object.fromEntries(
        [
          e.SANDBOX_DIGIDENTITY_CLIENT_ID,
          e.SANDBOX_SIGNICAT_CLIENT_ID,
          e.SANDBOX_IDTOKEN_SERVICE_ID,
          e.SANDBOX_IDURA_CLIENT_ID,
        ].map((id) => [id, e.SANDBOX_SERVICE_NAME]),
      ),
      ...e.SANDBOX_CLIENT_NAMES,
    },
    digidentity: {
      clientId: e.SANDBOX_DIGIDENTITY_CLIENT_ID,
      clientSecret: e.SANDBOX_DIGIDENTITY_CLIENT_SECRET,
      redirectUris: [...new Set([...portalCallbacks, ...e.SANDBOX_DIGIDENTITY_REDIRECT_URIS])],
      productScope: e.SANDBOX_DIGIDENTITY_PRODUCT_SCOPE,
      extraClients: e.SANDBOX_DIGIDENTITY_EXTRA_CLIENTS,
    },
    signicat: {
      clientId: e.SANDBOX_SIGNICAT_CLIENT_ID,
      clientSecret: e.SANDBOX_SIGNICAT_CLIENT_SECRET,
      redirectUris: [...new Set([...signicatCallbacks, ...e.SANDBOX_SIGNICAT_REDIRECT_URIS])],
      extraClients: e.SANDBOX_SIGNICAT_EXTRA_CLIENTS,
      psd2Clients: e.SANDBOX_SIGNICAT_PSD2_CLIENTS,
      cprCacheFile: e.SANDBOX_SIGNICAT_CPR_CACHE_FILE,
      clientKeys: e.SANDBOX_SIGNICAT_CLIENT_JWKS,
      cprCacheDays: e.SANDBOX_SIGNICAT_CPR_CACHE_DAYS,
      transferClients: e.SANDBOX_SIGNICAT_TRANSFER_CLIENTS ?? [
        e.SANDBOX_SIGNICAT_CLIENT_ID,
        e.SANDBOX_SIGNICAT_PARTNER_CLIENT_ID,
      ],
      transferCodeTtlSeconds: e.SANDBOX_SIGNICAT_TRANSFER_CODE_TTL_SECONDS,
      partner: {
        clientId: e.SANDBOX_SIGNICAT_PARTNER_CLIENT_ID,
        clientSecret: e.SANDBOX_SIGNICAT_PARTNER_CLIENT_SECRET,
        name: e.SANDBOX_SIGNICAT_PARTNER_NAME,
        portals: e.SANDBOX_SIGNICAT_PARTNER_PORTALS ?? {
          [e.SANDBOX_SIGNICAT_CLIENT_ID]: e.SANDBOX_PORTAL_URL ?? "http://localhost:3000",
        },
      },
    },
    idura: {
      clientId: e.SANDBOX_IDURA_CLIENT_ID,
      clientSecret: e.SANDBOX_IDURA_CLIENT_SECRET,
      extraClients: e.SANDBOX_IDURA_EXTRA_CLIENTS,
      redirectUris: [
        ...new Set([
          ...(e.SANDBOX_PORTAL_URL
            ? [`${e.SANDBOX_PORTAL_URL}/api/auth/callback/idura`]
            : [
                "http://localhost:3000/api/auth/callback/idura",
                "http://127.0.0.1:3000/api/auth/callback/idura",
              ]),
          ...e.SANDBOX_IDURA_REDIRECT_URIS,
        ]),
      ],
      cibaIntervalSeconds: e.SANDBOX_IDURA_CIBA_INTERVAL_SECONDS,
      requestTtlSeconds: e.SANDBOX_IDURA_REQUEST_TTL_SECONDS,
      qrMaxAgeSeconds: e.SANDBOX_IDURA_QR_MAX_AGE_SECONDS,
    },
    idtoken: {
      serviceId: e.SANDBOX_IDTOKEN_SERVICE_ID,
      extraServiceIds: e.SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS,
      allowedScopes: e.SANDBOX_IDTOKEN_ALLOWED_SCOPES,
      defaultScopes: e.SANDBOX_IDTOKEN_DEFAULT_SCOPES,
      sessionTtlSeconds: e.SANDBOX_IDTOKEN_SESSION_TTL_SECONDS,
      jwtTtlSeconds: e.SANDBOX_IDTOKEN_JWT_TTL_SECONDS,
    },
  };
}
