/**
 * Starts the sandbox and the portal as two child processes, waits until both answer their
 * health URLs, and stops both together. Used by `npm run demo`, `npm run dev` and the benchmark.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";

export const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** The first non-internal IPv4 address, for the QR a phone on the same network scans. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === "IPv4" && !a.internal) return a.address;
    }
  }
  return undefined;
}

export type StackOptions = {
  mode: "production" | "development";
  portalPort: number;
  sandboxPort: number;
  /** Address the sandbox binds to; 0.0.0.0 lets a phone on the LAN reach the phone-app page. */
  sandboxHost: string;
  portalHost?: string;
  sandboxPublicUrl: string;
  env?: NodeJS.ProcessEnv;
  quiet?: boolean;
  /**
   * CPU lists (`taskset -c` syntax) to pin each server to. The benchmark gives the portal a core
   * of its own, so the sandbox, the browser and the load generator (a remote provider and remote
   * users in production) do not take turns with it on the same core.
   */
  cpus?: { portal: string; sandbox: string };
};

export type Stack = { portalUrl: string; sandboxUrl: string; stop: () => Promise<void> };

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (quiet) return;
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(prefix + line + "\n");
  };
  child.stdout?.on("data", forward(process.stdout));
  child.stderr?.on("data", forward(process.stderr));
  return child;
}

async function waitForHealth(url: string, child: ChildProcess, name: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startStack(o: StackOptions): Promise<Stack> {
  const sandboxLocal = `http://localhost:${o.sandboxPort}`;
  const portalUrl = `http://localhost:${o.portalPort}`;
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...o.env };
  const sandboxEnv = {
    ...base,
    NODE_ENV: o.mode,
    SANDBOX_PORT: String(o.sandboxPort),
    SANDBOX_HOST: o.sandboxHost,
    SANDBOX_ISSUER_BASE: base.SANDBOX_ISSUER_BASE ?? sandboxLocal,
    SANDBOX_PUBLIC_URL: o.sandboxPublicUrl,
    SANDBOX_PORTAL_URL: base.SANDBOX_PORTAL_URL ?? portalUrl,
  };
  const portalEnv = {
    ...base,
    NODE_ENV: o.mode,
    PORTAL_PORT: String(o.portalPort),
    SANDBOX_PORT: String(o.sandboxPort),
    AUTH_URL: base.AUTH_URL ?? portalUrl,
  };

  const pinned = (cpu: string | undefined, command: string, args: string[]): [string, string[]] =>
    cpu === undefined ? [command, args] : ["taskset", ["-c", cpu, command, ...args]];
  const sandbox = start(
    "sandbox",
    ...pinned(o.cpus?.sandbox, bin("tsx"), ["sandbox/server.ts"]),
    sandboxEnv,
    !!o.quiet,
  );
  const nextArgs = [o.mode === "production" ? "start" : "dev", "-p", String(o.portalPort)];
  if (o.portalHost) nextArgs.push("-H", o.portalHost);
  const portal = start("portal", ...pinned(o.cpus?.portal, bin("next"), nextArgs), portalEnv, !!o.quiet);

  const stop = async () => {
    for (const child of [portal, sandbox]) {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
    await Promise.all(
      [portal, sandbox].map(
        (child) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null ? resolve() : child.once("exit", () => resolve()),
          ),
      ),
    );
  };

  try {
    await Promise.all([
      waitForHealth(`http://127.0.0.1:${o.sandboxPort}/health`, sandbox, "sandbox"),
      waitForHealth(`http://127.0.0.1:${o.portalPort}/api/health`, portal, "portal"),
    ]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { portalUrl, sandboxUrl: sandboxLocal, stop };
}

/**
 * Portal + sandbox in production mode, both on 127.0.0.1 only, the portal pointed at that
 * sandbox: for the benchmark and the screenshots, beside a demo or a test run.
 */
export function startLoopbackStack(
  portalPort: number,
  sandboxPort: number,
  env: Record<string, string>,
): Promise<Stack> {
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  return startStack({
    mode: "production",
    portalPort,
    sandboxPort,
    sandboxHost: "127.0.0.1",
    portalHost: "127.0.0.1",
    sandboxPublicUrl: sandboxUrl,
    quiet: true,
    env: {
      NODE_ENV: "production",
      SANDBOX: "on",
      SANDBOX_URL: sandboxUrl,
      SANDBOX_ISSUER_BASE: sandboxUrl,
      ...env,
    },
  });
}

const SOURCES = ["app", "lib", "auth.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** Whether `.next` holds a build newer than every portal source (so `next build` can be skipped). */
export function buildIsFresh(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => !existsSync(path.join(root, s)) || newestMtime(path.join(root, s)) < built);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

export { bin };
