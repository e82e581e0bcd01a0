import { expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";

import { portalTestEnv } from "./env";

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
    stop() {
      if (child.pid && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, "SIGTERM");
    },
    /** Another signal to the whole process group (SIGKILL: a crash; SIGTERM is `stop`). */
    signal(signal: NodeJS.Signals) {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, signal);
    },
  };
}
