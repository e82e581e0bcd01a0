/**
 * What the unit tests that talk to the sandbox share: form posts, client_secret_basic, PKCE,
 * and a sandbox served on a free loopback port for the contract tests that need real HTTP.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { serve } from "@hono/node-server";

import { createSandboxApp } from "../../../sandbox/app";
import { parseSandboxConfig } from "../../../sandbox/config";
import { freePort } from "./free-port";

export type SandboxApp = Awaited<ReturnType<typeof createSandboxApp>>;

/** A form POST (`application/x-www-form-urlencoded`), with an Authorization header if given. */
export function formPost(fields: Record<string, string>, authorization?: string): RequestInit {
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  };
}

/** client_secret_basic: id and secret form-encoded first (RFC 6749 §2.3.1). */
export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

/** A PKCE verifier and its S256 challenge (RFC 7636 §4.2). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/**
 * The sandbox served over HTTP on a free port for the enclosing `describe`: started in its
 * `before` (then `ready` gets the app and its base URL), stopped in its `after`, with its own
 * MitID CPR cache file.
 */
export function servedSandbox(name: string, ready: (app: SandboxApp, base: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  let close: () => void = () => {};
  before(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = await createSandboxApp(
      parseSandboxConfig({
        SANDBOX_ISSUER_BASE: base,
        SANDBOX_SIGNICAT_CPR_CACHE_FILE: path.join(dir, "cache.json"),
      }),
    );
    const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
    close = () => server.close();
    ready(app, base);
  });
  after(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });
}
