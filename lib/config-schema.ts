/**
 * The portal's configuration: every environment variable it reads, parsed once with zod.
 *
 * Kept free of `server-only` so the start scripts can validate the environment before they
 * launch Next.js; `lib/config.ts` is the server-only entry point the portal itself uses.
 */
import { z } from "zod";

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .default("on")
  .transform((v) => v === "on" || v === "true" || v === "1");

const port = z.coerce.number().int().min(1).max(65535);
const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));
const perMinute = z.coerce.number().int().min(1).max(1_000_000);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** What the sandbox expects when nobody configured anything (see sandbox/config.ts). */
export const SANDBOX_DEFAULTS = {
  DIGIDENTITY_CLIENT_ID: "rmi-portal-demo",
  DIGIDENTITY_CLIENT_SECRET: "sandbox-digidentity-secret",
  DIGIDENTITY_PRODUCT_SCOPE: "sandbox0product1",
  SIGNICAT_CLIENT_ID: "rmi-portal-signicat",
  SIGNICAT_CLIENT_SECRET: "sandbox-signicat-secret",
  IDTOKEN_SERVICE_ID: "rmi-portal-demo",
  IDURA_CLIENT_ID: "rmi-portal-idura",
  IDURA_CLIENT_SECRET: "sandbox-idura-secret",
} as const;

const rawSchema = z.object({
  SANDBOX: onOff,
  PORTAL_PORT: port.default(3000),
  SANDBOX_PORT: port.default(4000),
  SANDBOX_URL: httpUrl.optional(),
  SANDBOX_PUBLIC_URL: httpUrl.optional(),
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
  ),
  AUTH_URL: httpUrl.optional(),
  DIGIDENTITY_ISSUER: httpUrl.optional(),
  DIGIDENTITY_CLIENT_ID: optionalString,
  DIGIDENTITY_CLIENT_SECRET: optionalString,
  DIGIDENTITY_PRODUCT_SCOPE: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]{16}$/, "must be the 16-character alphanumeric product scope from onboarding")
      .optional(),
  ),
  DIGIDENTITY_QR_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  DIGIDENTITY_POLL_INTERVAL_MS: z.coerce.number().int().min(250).max(30_000).default(1000),
  DIGIDENTITY_REPORT_URL: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/[^\s]*\{pseudonym\}[^\s]*$/, "must be an http(s) URL containing {pseudonym}")
      .optional(),
  ),
  DIGIDENTITY_REPORT_SCOPE: z.string().min(1).max(200).default("identity_report"),
  DIGIDENTITY_PSEUDONYM_CLAIM: z.string().min(1).max(100).default("pseudonym"),
  SIGNICAT_ISSUER: httpUrl.optional(),
  SIGNICAT_CLIENT_ID: optionalString,
  SIGNICAT_CLIENT_SECRET: optionalString,
  IDTOKEN_OPERATOR_URL: httpUrl.optional(),
  IDTOKEN_ISSUER: httpUrl.optional(),
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
      z.array(z.string().regex(/^identity:[a-z_0-9]+$/, "expected IDToken scopes like identity:name")).min(1),
    ),
  IDTOKEN_SESSION_CLAIM: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .default("sid"),
  IDURA_ISSUER: httpUrl.optional(),
  IDURA_CLIENT_ID: optionalString,
  IDURA_CLIENT_SECRET: optionalString,
  IDURA_CIBA_ACR: z
    .enum(["urn:grn:authn:se:bankid", "urn:grn:authn:no:bankid"])
    .default("urn:grn:authn:se:bankid"),
  IDURA_HEADLESS_ACR: z.string().default("urn:grn:authn:se:bankid:another-device:qr"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  RATE_LIMIT_START_PER_BROWSER: perMinute.default(10),
  RATE_LIMIT_START_PER_ADDRESS: perMinute.default(60),
  RATE_LIMIT_POLL_PER_BROWSER: perMinute.default(120),
  RATE_LIMIT_POLL_PER_ADDRESS: perMinute.default(3000),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
});

export type PortalConfig = {
  sandbox: boolean;
  production: boolean;
  portalPort: number;
  /** Where the portal reaches the sandbox; only meaningful with `sandbox: true`. */
  sandboxUrl: string;
  /** AUTH_SECRET; may be undefined here when the sandbox is on (lib/config.ts then makes one). */
  authSecret: string | undefined;
  authUrl: string;
  /**
   * Requests per minute, per browser and per address. With `redisUrl` the counts live in Redis so
   * several portal instances enforce one limit; otherwise in this process.
   */
  rateLimits: {
    redisUrl: string | undefined;
    start: { perBrowser: number; perAddress: number };
    poll: { perBrowser: number; perAddress: number };
    /** How many reverse proxies append to X-Forwarded-For; the client is that many from the end. */
    trustedProxyHops: number;
  };
  /** Origins of every configured identity provider, for the CSP's form-action. */
  providerOrigins: string[];
  /** Origins page scripts may connect to besides the portal (the IDToken WebSocket), for CSP. */
  connectOrigins: string[];
  digidentity: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    productScope: string;
    /** Lifetime of a passwordless QR session. Unconfirmed for the real service: see README. */
    qrTtlSeconds: number;
    /** How often the QR page asks the portal, and the portal asks Digidentity. */
    pollIntervalMs: number;
    /** Identity verification reports (unconfirmed API: see README). `{pseudonym}` is replaced. */
    reportUrl: string;
    reportScope: string;
    /** The access-token claim that carries the user's pseudonym. */
    pseudonymClaim: string;
  };
  signicat: {
    issuer: string;
    clientId: string;
    clientSecret: string;
  };
  idtoken: {
    /** Base of /auth/initiate and /.well-known/jwks.json. */
    operatorUrl: string;
    /** The JWT's `iss`. */
    issuer: string;
    /** Base of the WebSocket the browser opens (ws:// or wss://). */
    wsUrl: string;
    serviceId: string;
    /** The JWT's `aud`. */
    audience: string;
    scopes: string[];
    /** The JWT claim naming the session the approval answers (unconfirmed: see README). */
    sessionClaim: string;
  };
  idura: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    /** acr_values of CIBA requests from the call-centre page. */
    cibaAcr: string;
    /** acr_values of the headless (animated QR) Swedish BankID login. */
    headlessAcr: string;
  };
};

/**
 * Next.js rewrites loopback hosts (127.0.0.1, [::1]) in request URLs to `localhost`, so a
 * callback would arrive on a different origin than the one the login started on; use
 * `localhost` throughout so the redirect URI and the cookies agree.
 */
export function loopbackAsLocalhost(url: string): string {
  const u = new URL(url);
  if (u.hostname === "127.0.0.1" || u.hostname === "[::1]") u.hostname = "localhost";
  return u.toString().replace(/\/+$/, "");
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parse the environment; throws a ConfigError naming every bad or missing variable. */
export function parseConfig(env: Record<string, string | undefined>): PortalConfig {
  const parsed = rawSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const sandboxUrl = e.SANDBOX_URL ?? `http://localhost:${e.SANDBOX_PORT}`;

  // With the sandbox off every provider value must be given: silently falling back to sandbox
  // credentials against a real service would be a confusing failure at the first login.
  const need = <K extends keyof typeof SANDBOX_DEFAULTS>(name: K): string => {
    const value = e[name];
    if (value) return value;
    if (e.SANDBOX) return SANDBOX_DEFAULTS[name];
    problems.push(`${name}: required when SANDBOX=off`);
    return "";
  };

  const issuer = e.DIGIDENTITY_ISSUER ?? (e.SANDBOX ? `${sandboxUrl}/digidentity` : undefined);
  if (!issuer) problems.push("DIGIDENTITY_ISSUER: required when SANDBOX=off");
  if (!e.SANDBOX && issuer && !issuer.startsWith("https://")) {
    problems.push("DIGIDENTITY_ISSUER: must be an https URL when SANDBOX=off");
  }
  const signicatIssuer = e.SIGNICAT_ISSUER ?? (e.SANDBOX ? `${sandboxUrl}/signicat/auth/open` : undefined);
  if (!signicatIssuer) problems.push("SIGNICAT_ISSUER: required when SANDBOX=off");
  if (!e.SANDBOX && signicatIssuer && !signicatIssuer.startsWith("https://")) {
    problems.push("SIGNICAT_ISSUER: must be an https URL when SANDBOX=off");
  }
  if (!e.SANDBOX && !e.AUTH_SECRET) {
    problems.push("AUTH_SECRET: required when SANDBOX=off (try: openssl rand -base64 33)");
  }

  const digidentity = {
    issuer: issuer ?? "",
    clientId: need("DIGIDENTITY_CLIENT_ID"),
    clientSecret: need("DIGIDENTITY_CLIENT_SECRET"),
    productScope: need("DIGIDENTITY_PRODUCT_SCOPE"),
    qrTtlSeconds: e.DIGIDENTITY_QR_TTL_SECONDS,
    pollIntervalMs: e.DIGIDENTITY_POLL_INTERVAL_MS,
    reportUrl: e.DIGIDENTITY_REPORT_URL ?? `${issuer ?? ""}/api/v1/identity_reports/{pseudonym}`,
    reportScope: e.DIGIDENTITY_REPORT_SCOPE,
    pseudonymClaim: e.DIGIDENTITY_PSEUDONYM_CLAIM,
  };
  const signicat = {
    issuer: signicatIssuer ?? "",
    clientId: need("SIGNICAT_CLIENT_ID"),
    clientSecret: need("SIGNICAT_CLIENT_SECRET"),
  };

  const operatorUrl = e.IDTOKEN_OPERATOR_URL ?? (e.SANDBOX ? `${sandboxUrl}/idtoken` : undefined);
  if (!operatorUrl) problems.push("IDTOKEN_OPERATOR_URL: required when SANDBOX=off");
  if (!e.SANDBOX && operatorUrl && !operatorUrl.startsWith("https://")) {
    problems.push("IDTOKEN_OPERATOR_URL: must be an https URL when SANDBOX=off");
  }
  if (!e.SANDBOX && e.IDTOKEN_ISSUER && !e.IDTOKEN_ISSUER.startsWith("https://")) {
    problems.push("IDTOKEN_ISSUER: must be an https URL when SANDBOX=off");
  }
  const wsUrl = e.IDTOKEN_WS_URL ?? (operatorUrl ?? "").replace(/^http/, "ws");
  if (!e.SANDBOX && !wsUrl.startsWith("wss://")) {
    problems.push("IDTOKEN_WS_URL: must be a wss URL when SANDBOX=off");
  }
  const idtokenServiceId = need("IDTOKEN_SERVICE_ID");
  const idtoken = {
    operatorUrl: operatorUrl ?? "",
    issuer: e.IDTOKEN_ISSUER ?? operatorUrl ?? "",
    wsUrl,
    serviceId: idtokenServiceId,
    audience: e.IDTOKEN_AUDIENCE ?? idtokenServiceId,
    scopes: e.IDTOKEN_SCOPES,
    sessionClaim: e.IDTOKEN_SESSION_CLAIM,
  };

  const iduraIssuer = e.IDURA_ISSUER ?? (e.SANDBOX ? `${sandboxUrl}/idura` : undefined);
  if (!iduraIssuer) problems.push("IDURA_ISSUER: required when SANDBOX=off");
  if (!e.SANDBOX && iduraIssuer && !iduraIssuer.startsWith("https://")) {
    problems.push("IDURA_ISSUER: must be an https URL when SANDBOX=off");
  }
  const idura = {
    issuer: iduraIssuer ?? "",
    clientId: need("IDURA_CLIENT_ID"),
    clientSecret: need("IDURA_CLIENT_SECRET"),
    cibaAcr: e.IDURA_CIBA_ACR,
    headlessAcr: e.IDURA_HEADLESS_ACR,
  };
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    sandbox: e.SANDBOX,
    production: e.NODE_ENV === "production",
    portalPort: e.PORTAL_PORT,
    sandboxUrl,
    authSecret: e.AUTH_SECRET,
    authUrl: loopbackAsLocalhost(e.AUTH_URL ?? `http://localhost:${e.PORTAL_PORT}`),
    rateLimits: {
      redisUrl: e.REDIS_URL,
      start: { perBrowser: e.RATE_LIMIT_START_PER_BROWSER, perAddress: e.RATE_LIMIT_START_PER_ADDRESS },
      poll: { perBrowser: e.RATE_LIMIT_POLL_PER_BROWSER, perAddress: e.RATE_LIMIT_POLL_PER_ADDRESS },
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    },
    providerOrigins: [
      ...new Set([digidentity.issuer, signicat.issuer, idura.issuer].map((issuer) => new URL(issuer).origin)),
    ],
    // The IDToken page listens on the operator's WebSocket from the browser.
    connectOrigins: [new URL(idtoken.wsUrl).origin],
    digidentity,
    signicat,
    idtoken,
    idura,
  };
}
