import { expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";

import { portalTestEnv } from "./env";
import { listening, sleep } from "./instances";

/**
 * A second portal process for tests that need another configuration (a provider that is down,
 * a client that misbehaves). Real process, real HTTP, its own process group so stopping it
 * also stops the next-server child it starts.
 */
export async function startPortal(port: number, env: Record<string, string>) {
  // Its log goes where the audit (audit.spec.ts) reads every portal's output.
  // Another portal on this port (another worker running the same beforeAll) would answer the
  // health check below for a process that could not listen: refuse that plainly.
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
  if (taken) throw new Error(`port ${port} is already served: start each test portal once`);
  mkdirSync("logs/e2e", { recursive: true });
  const log = openSync(`logs/e2e/portal-${port}.log`, "w");
  const child = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true,
    env: { ...process.env, ...portalTestEnv(port, env) },
    stdio: ["ignore", log, log],
  });
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, {
      timeout: 30_000,
    })
    .toBe(200);
  return {
    url: `http://localhost:${port}`,
    /**
     * SIGTERM to the whole process group; resolves once nothing listens on the port any more, so
     * the next portal a spec starts there cannot meet this one still draining (which a loaded
     * machine once showed as "port … is already served"). Never rejects: a test that stops a
     * portal on purpose without awaiting this (a long drain) leaves nothing unhandled, and the
     * test's own timeout bounds an await.
     */
    async stop() {
      if (child.pid && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, "SIGTERM");
      while (await listening(port)) await sleep(100);
    },
    /** Another signal to the whole process group (SIGKILL: a crash; SIGTERM is `stop`). */
    signal(signal: NodeJS.Signals) {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, signal);
    },
  };
}
