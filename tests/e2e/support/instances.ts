import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { Socket } from "node:net";

import { expect } from "@playwright/test";

/** Processes of instances.spec.ts: a Redis it may stop, its own sandbox, portals that must refuse to start. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts connections on 127.0.0.1:`port`. */
export async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
    s.connect(port, "127.0.0.1");
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (child.pid) process.kill(-child.pid, signal);
  return exited;
}

/** Debian's redis-server on loopback, nothing saved to disk; `stop()` kills it like a crash would. */
export async function startRedis(port: number) {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore", detached: true },
  );
  await expect.poll(() => listening(port), { timeout: 15_000 }).toBe(true);
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** The sandbox as playwright.config.ts starts it, with its issuers behind `issuerBase`. */
export async function startSandbox(port: number, env: Record<string, string>) {
  mkdirSync("logs/e2e", { recursive: true });
  const log = openSync(`logs/e2e/sandbox-${port}.log`, "w");
  const child = spawn("node_modules/.bin/tsx", ["sandbox/server.ts"], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SANDBOX_HOST: "127.0.0.1",
      SANDBOX_PORT: String(port),
      SANDBOX_IDURA_CIBA_INTERVAL_SECONDS: "1",
      SANDBOX_SIGNICAT_CPR_CACHE_FILE: `test-results/signicat-cpr-cache-${port}.json`,
      ...env,
    },
    stdio: ["ignore", log, log],
  });
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status, {
      timeout: 60_000,
    })
    .toBe(200);
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** A portal process that is expected to exit at start-up: its exit code and its output. */
export async function portalStartOutcome(port: number, env: Record<string, string>) {
  mkdirSync("logs/e2e", { recursive: true });
  const file = `logs/e2e/portal-${port}-refused.log`;
  const log = openSync(file, "w");
  const child = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SANDBOX: "on", ...env },
    stdio: ["ignore", log, log],
  });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 45_000);
    child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code === null) await stopChild(child);
  return { code, output: readFileSync(file, "utf8") };
}

/** Waits until `port` no longer accepts connections (a portal that exited after its drain). */
export async function expectClosed(port: number, timeout: number) {
  await expect.poll(() => listening(port), { timeout }).toBe(false);
}

export { sleep };
