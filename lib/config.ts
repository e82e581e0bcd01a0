import "server-only";

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { parseConfig, type PortalConfig } from "./config-schema";

export type { PortalConfig } from "./config-schema";

type Config = PortalConfig & { authSecret: string };

let cached: Config | undefined;

/**
 * With the sandbox on, a missing AUTH_SECRET is made once and kept in the git-ignored
 * `.data/auth-secret`, so `npm run demo` needs no set-up and sessions survive a restart.
 */
function localAuthSecret(): string {
  const file = path.join(process.cwd(), ".data", "auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not made yet.
  }
  const secret = randomBytes(33).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": if two processes race, the first one's secret wins and both use it.
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}

/** The parsed configuration; parsed on first use and then kept. */
export function getConfig(): Config {
  if (!cached) {
    const parsed = parseConfig(process.env);
    cached = { ...parsed, authSecret: parsed.authSecret ?? localAuthSecret() };
    // Auth.js takes its base URL only from the environment; give it the parsed one so the
    // redirect URI is the same whether the user typed localhost or 127.0.0.1.
    process.env.AUTH_URL = cached.authUrl;
  }
  return cached;
}
