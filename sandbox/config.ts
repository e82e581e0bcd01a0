import { z } from "zod";

import { SANDBOX_PROVIDERS } from "./providers";
import { baseUrl, nameList, seconds, signingKey, type RsaPrivateJwk } from "./shared/env";

export type { RsaPrivateJwk };

/** The variables every provider shares; each provider's own are in its folder's config.ts. */
const commonEnv = {
  SANDBOX_SERVICE_NAME: z.string().min(1).max(100).default("Example Motors RMI portal"),
  SANDBOX_CLIENT_NAMES: nameList.default({}),
  SANDBOX_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_ISSUER_BASE: baseUrl.optional(),
  SANDBOX_PUBLIC_URL: baseUrl.optional(),
  SANDBOX_PORTAL_URL: baseUrl.optional(),
  SANDBOX_QR_TTL_SECONDS: seconds.default(120),
  SANDBOX_CODE_TTL_SECONDS: seconds.default(60),
  SANDBOX_SIGNING_KEY: signingKey.optional(),
};

/** What every provider's part of the configuration sits beside. */
export interface CommonConfig {
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
}

type Provider = (typeof SANDBOX_PROVIDERS)[number];

/** The sandbox's configuration: the common part and, under its key, each provider's. */
export type SandboxConfig = CommonConfig & { [P in Provider as P["key"]]: ReturnType<P["config"]> };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the sandbox environment. All variables are optional; an empty value counts as unset so
 * that `SANDBOX_PORTAL_URL=` in a .env file means "default" rather than "invalid URL".
 */
export function parseSandboxConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const shapes: Record<string, z.ZodRawShape> = { common: commonEnv };
  for (const p of SANDBOX_PROVIDERS) shapes[p.key] = p.env;
  const owner = new Map<string, string>();
  for (const [name, shape] of Object.entries(shapes)) {
    for (const key of Object.keys(shape)) {
      if (owner.has(key)) throw new Error(`${key} is claimed by both ${owner.get(key)} and ${name}`);
      owner.set(key, name);
    }
  }
  const relevant: Record<string, string> = {};
  for (const key of owner.keys()) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") relevant[key] = value.trim();
  }
  const problems: string[] = [];
  const parse = <S extends z.ZodRawShape>(shape: S): z.infer<z.ZodObject<S>> => {
    const parsed = z.object(shape).safeParse(relevant);
    if (parsed.success) return parsed.data;
    problems.push(
      ...parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "env")}: ${issue.message}`),
    );
    return undefined as never;
  };
  const e = parse(commonEnv);
  const slices = SANDBOX_PROVIDERS.map((p) => [p, parse(p.env as z.ZodRawShape)] as const);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid sandbox configuration:\n  ${problems.join("\n  ")}`);
  }
  const ctx = { portalUrl: e.SANDBOX_PORTAL_URL };
  const providers = Object.fromEntries(
    slices.map(([p, slice]) => [p.key, (p.config as (env: unknown, c: typeof ctx) => unknown)(slice, ctx)]),
  ) as { [P in Provider as P["key"]]: ReturnType<P["config"]> };
  const mainClients = SANDBOX_PROVIDERS.map((p) =>
    (p.mainClientId as (c: unknown) => string)(providers[p.key]),
  );
  const issuerBase = e.SANDBOX_ISSUER_BASE ?? `http://localhost:${e.SANDBOX_PORT}`;
  return {
    port: e.SANDBOX_PORT,
    host: e.SANDBOX_HOST,
    issuerBase,
    publicUrl: e.SANDBOX_PUBLIC_URL ?? issuerBase,
    qrTtlSeconds: e.SANDBOX_QR_TTL_SECONDS,
    codeTtlSeconds: e.SANDBOX_CODE_TTL_SECONDS,
    signingKey: e.SANDBOX_SIGNING_KEY,
    clientNames: {
      ...Object.fromEntries(mainClients.map((id) => [id, e.SANDBOX_SERVICE_NAME])),
      ...e.SANDBOX_CLIENT_NAMES,
    },
    ...providers,
  };
}
