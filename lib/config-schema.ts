/**
 * The portal's configuration: every environment variable it reads, parsed once with zod.
 * Each provider declares its own variables in lib/providers/<provider>/descriptor.ts; this file
 * holds the deployment-wide ones and decides which providers are on (docs/configuration.md).
 *
 * Kept free of `server-only` so the start scripts can validate the environment before they
 * launch Next.js; `lib/config.ts` is the server-only entry point the portal itself uses.
 */
import { z } from "zod";

import {
  severalInstanceProblems,
  sharedStateConfig,
  sharedStateEnvSchema,
  type SharedStateConfig,
} from "./state/config";

import { baseUrl, optionalString, type SliceContext } from "./providers/descriptor";
import { PROVIDER_CATALOG, type ProviderKey, type ProvidersConfig } from "./providers/catalog";

export type { ProviderKey, ProvidersConfig } from "./providers/catalog";

const onOff = (fallback: "on" | "off") =>
  z
    .enum(["on", "off", "true", "false", "1", "0"])
    .default(fallback)
    .transform((v) => v === "on" || v === "true" || v === "1");

const port = z.coerce.number().int().min(1).max(65535);
const perMinute = z.coerce.number().int().min(1).max(1_000_000);
const PROVIDER_KEYS = PROVIDER_CATALOG.map((s) => s.key) as [ProviderKey, ...ProviderKey[]];

/** One call-centre agent: whoever logs in through `provider` with this subject (`sub`). */
export type CallCentreAgent = { provider: ProviderKey; subject: string };

/** `provider:subject`; the subject is everything after the first colon (it may hold colons). */
const agentSchema = z
  .string()
  .regex(/^[a-z]+:.+$/, `each agent is provider:subject, the provider one of ${PROVIDER_KEYS.join(", ")}`)
  .transform((v) => {
    const colon = v.indexOf(":");
    return { provider: v.slice(0, colon), subject: v.slice(colon + 1) };
  })
  .pipe(z.object({ provider: z.enum(PROVIDER_KEYS), subject: z.string().min(1).max(256) }));

/** What the sandbox expects when nobody configured anything (see sandbox/config.ts). */
type AllSandboxDefaults = UnionToIntersection<(typeof PROVIDER_CATALOG)[number]["sandboxDefaults"]>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
export const SANDBOX_DEFAULTS = Object.assign(
  {},
  ...PROVIDER_CATALOG.map((d) => d.sandboxDefaults),
) as AllSandboxDefaults;

const rawSchema = z.object({
  SANDBOX: onOff("on"),
  PORTAL_PORT: port.default(3000),
  SANDBOX_PORT: port.default(4000),
  SANDBOX_URL: optionalString.pipe(baseUrl.optional()),
  SANDBOX_PUBLIC_URL: optionalString.pipe(baseUrl.optional()),
  /** The providers this deployment has, e.g. `digidentity,signicat`; see docs/configuration.md. */
  PROVIDERS: optionalString.pipe(
    z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0))
      .pipe(z.array(z.enum(PROVIDER_KEYS)).min(1, "name at least one provider"))
      .optional(),
  ),
  ALLOW_LOOPBACK_HTTP_ISSUERS: onOff("off"),
  /**
   * Who may use the call-centre page: `provider:subject` entries (the provider key, then the
   * identity's `sub`), separated by commas or spaces; `none` for nobody. docs/configuration.md.
   */
  CALL_CENTRE_AGENTS: optionalString.pipe(
    z
      .string()
      .transform((v) => (v.trim() === "none" ? [] : v.split(/[\s,]+/).filter((s) => s.length > 0)))
      .pipe(z.array(agentSchema))
      .optional(),
  ),
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
  ),
  AUTH_URL: optionalString.pipe(baseUrl.optional()),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  RATE_LIMIT_START_PER_BROWSER: perMinute.default(10),
  RATE_LIMIT_START_PER_ADDRESS: perMinute.default(60),
  RATE_LIMIT_POLL_PER_BROWSER: perMinute.default(120),
  RATE_LIMIT_POLL_PER_ADDRESS: perMinute.default(3000),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
  ...sharedStateEnvSchema.shape,
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
  /** The portal is served over https: cookies are `Secure` and `__Host-`. */
  secureCookies: boolean;
  /** ALLOW_LOOPBACK_HTTP_ISSUERS=on with the sandbox off: worth a warning at start-up. */
  loopbackHttpIssuers: boolean;
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
  /** Running several instances: Redis Cluster, the Server Actions key, the shutdown drain. */
  sharedState: SharedStateConfig;
  /**
   * Who may open the call-centre page (CALL_CENTRE_AGENTS); with the sandbox on and nothing set,
   * the sandbox's agent persona. Empty: nobody.
   */
  callCentreAgents: readonly CallCentreAgent[];
  /** Each provider's settings; a provider the deployment does not have is absent. */
  providers: ProvidersConfig;
  /** Origins of every enabled identity provider the browser is sent to, for the CSP's form-action. */
  providerOrigins: string[];
  /** Origins page scripts may connect to besides the portal (a provider's WebSocket), for CSP. */
  connectOrigins: string[];
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

function issueText(i: z.core.$ZodIssue): string {
  return `${i.path.join(".") || "environment"}: ${i.message}`;
}

/**
 * Which providers are on: the PROVIDERS list when given; otherwise all of them with the sandbox
 * on, and with the sandbox off each provider one of whose own variables is set.
 */
function isEnabled(
  slice: (typeof PROVIDER_CATALOG)[number],
  env: Record<string, string | undefined>,
  sandbox: boolean,
  list: ProviderKey[] | undefined,
): boolean {
  if (list) return list.includes(slice.key);
  if (sandbox) return true;
  return slice.enabledBy.some((name) => (env[name] ?? "") !== "");
}

/** Parse the environment; throws a ConfigError naming every bad or missing variable. */
export function parseConfig(env: Record<string, string | undefined>): PortalConfig {
  const parsed = rawSchema.safeParse(env);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map(issueText);
  if (!parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const sandboxUrl = e.SANDBOX_URL ?? `http://localhost:${e.SANDBOX_PORT}`;
  const ctx: SliceContext = {
    sandbox: e.SANDBOX,
    sandboxUrl,
    sandboxPublicUrl: e.SANDBOX_PUBLIC_URL ?? sandboxUrl,
    allowLoopbackHttp: e.ALLOW_LOOPBACK_HTTP_ISSUERS,
    problems,
  };

  const providers: Record<string, unknown> = {};
  const form = new Set<string>();
  const connect = new Set<string>();
  for (const slice of PROVIDER_CATALOG) {
    if (!isEnabled(slice, env, e.SANDBOX, e.PROVIDERS)) continue;
    const own = slice.schema.safeParse(env);
    if (!own.success) {
      problems.push(...own.error.issues.map(issueText));
      continue;
    }
    // Each slice's functions take its own types; the union of slices loses that pairing.
    const built = (slice.build as (env: unknown, ctx: SliceContext) => unknown)(own.data, ctx);
    providers[slice.key] = built;
    if (problems.length === 0) {
      const origins = (slice.origins as (cfg: unknown) => { form: string[]; connect: string[] })(built);
      origins.form.forEach((o) => form.add(o));
      origins.connect.forEach((o) => connect.add(o));
    }
  }
  if (Object.keys(providers).length === 0 && problems.length === 0) {
    problems.push(
      `PROVIDERS: no provider is configured; set one provider's variables (${PROVIDER_CATALOG.map((d) => d.enabledBy.join(" + ")).join(", or ")}) or PROVIDERS`,
    );
  }
  if (!e.SANDBOX && !e.AUTH_SECRET) {
    problems.push("AUTH_SECRET: required when SANDBOX=off (try: openssl rand -base64 33)");
  }
  for (const [name, problem] of severalInstanceProblems(e)) problems.push(`${name}: ${problem}`);
  if (problems.length > 0) throw new ConfigError(problems);

  const authUrl = loopbackAsLocalhost(e.AUTH_URL ?? `http://localhost:${e.PORTAL_PORT}`);
  return {
    sandbox: e.SANDBOX,
    production: e.NODE_ENV === "production",
    portalPort: e.PORTAL_PORT,
    sandboxUrl,
    authSecret: e.AUTH_SECRET,
    authUrl,
    secureCookies: authUrl.startsWith("https://"),
    loopbackHttpIssuers: !e.SANDBOX && e.ALLOW_LOOPBACK_HTTP_ISSUERS,
    rateLimits: {
      redisUrl: e.REDIS_URL,
      start: { perBrowser: e.RATE_LIMIT_START_PER_BROWSER, perAddress: e.RATE_LIMIT_START_PER_ADDRESS },
      poll: { perBrowser: e.RATE_LIMIT_POLL_PER_BROWSER, perAddress: e.RATE_LIMIT_POLL_PER_ADDRESS },
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    },
    sharedState: sharedStateConfig(e),
    callCentreAgents: callCentreAgents(e.CALL_CENTRE_AGENTS, e.SANDBOX),
    providers: providers as ProvidersConfig,
    providerOrigins: [...form],
    connectOrigins: [...connect],
  };
}

/** Who is listed; with nothing listed, the sandbox's agent personas (each descriptor's) when the sandbox is on. */
function callCentreAgents(listed: CallCentreAgent[] | undefined, sandbox: boolean): CallCentreAgent[] {
  if (listed) return listed;
  return sandbox ? PROVIDER_CATALOG.flatMap((d): readonly CallCentreAgent[] => d.sandboxAgents ?? []) : [];
}
