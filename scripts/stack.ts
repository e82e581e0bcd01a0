/**
 * Starts the sandbox and the portal as two child processes, waits until both answer their
 * health URLs, and stops both together. Used by `npm run demo`, `npm run dev` and the benchmark.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";

import { buildFreshness } from "./build-freshness";

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

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

/** Whether something accepts connections on the port, as a browser on this machine would try it. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Whether this process could listen on the port at that address (nothing else holds it). */
function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** What already answers on a taken port, in a few words: "a portal (it answers /api/health)". */
async function whoIsThere(port: number): Promise<string> {
  for (const [probe, what] of [
    ["/api/health", "a portal (it answers /api/health)"],
    ["/health", "a sandbox (it answers /health)"],
  ] as const) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${probe}`, { signal: AbortSignal.timeout(1500) });
      if (res.ok) return what;
    } catch {
      // Not that.
    }
  }
  return "another program";
}

export class PortTakenError extends Error {}

/**
 * Refuses to start on a port something else already uses — also when that something answers
 * the same health URL, which would otherwise pass for our server being ready.
 */
export async function assertPortsFree(
  ports: { port: number; variable: string; name: string; host: string }[],
): Promise<void> {
  const taken: string[] = [];
  for (const { port, variable, name, host } of ports) {
    const busy =
      (await answers("127.0.0.1", port)) || (await answers("::1", port)) || !(await canListen(host, port));
    if (busy)
      taken.push(`  Port ${port} (${variable}, the ${name}) is already in use by ${await whoIsThere(port)}.`);
  }
  if (taken.length === 0) return;
  const [portal, sandbox] = [
    ports.find((p) => p.variable === "PORTAL_PORT"),
    ports.find((p) => p.variable === "SANDBOX_PORT"),
  ];
  throw new PortTakenError(
    [
      "Cannot start: a port is taken.",
      ...taken,
      "Stop what runs there, or choose free ports, for example:",
      `  PORTAL_PORT=${(portal?.port ?? 3000) + 10} SANDBOX_PORT=${(sandbox?.port ?? 4000) + 10} npm run demo`,
    ].join("\n"),
  );
}

export type StackOptions = {
  mode: "production" | "development";
  portalPort: number;
  sandboxPort: number;
  /** Address the sandbox binds to; 0.0.0.0 lets a phone on the LAN reach the phone-app page. */
  sandboxHost: string;
  portalHost?: string;
  /** The portal's address in a browser (AUTH_URL); default http://localhost:<portalPort>. */
  portalUrl?: string;
  /** Where the portal and browsers reach the sandbox; default http://localhost:<sandboxPort>. */
  sandboxUrl?: string;
  sandboxPublicUrl: string;
  env?: Record<string, string | undefined>;
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
  // Each server in a process group of its own, so stopping it stops what it started too
  // (`tsx` and `next` run the server in a child process of theirs).
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
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
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
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

/** Stops a server and everything it started: SIGTERM to its process group, SIGKILL after 10 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        // The group is gone already.
      }
    };
    const exited = child.exitCode !== null || child.signalCode !== null;
    // Even when the leader has exited, what it started may still be running in its group.
    signal("SIGTERM");
    if (exited) return resolve();
    const kill = setTimeout(() => signal("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      signal("SIGKILL");
      resolve();
    });
  });
}

export async function startStack(o: StackOptions): Promise<Stack> {
  const sandboxLocal = o.sandboxUrl ?? `http://localhost:${o.sandboxPort}`;
  const portalUrl = o.portalUrl ?? `http://localhost:${o.portalPort}`;
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
    ...(o.sandboxUrl ? { SANDBOX_URL: base.SANDBOX_URL ?? o.sandboxUrl } : {}),
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
    await Promise.all([portal, sandbox].map(stopGroup));
  };

  // Health is asked where each server listens (a loopback address unless told otherwise).
  const local = (host: string | undefined) =>
    host === undefined || host === "0.0.0.0" || host === "::"
      ? "127.0.0.1"
      : host.includes(":")
        ? `[${host}]`
        : host;
  try {
    await Promise.all([
      waitForHealth(`http://${local(o.sandboxHost)}:${o.sandboxPort}/health`, sandbox, "sandbox"),
      waitForHealth(`http://${local(o.portalHost)}:${o.portalPort}/api/health`, portal, "portal"),
    ]);
    // A server that could not take its port exits; a health answer from someone else's does not count.
    await new Promise((r) => setTimeout(r, 300));
    for (const [child, name] of [
      [portal, "portal"],
      [sandbox, "sandbox"],
    ] as const)
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) right after start`);
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

/** Whether `.next` holds a build of the current portal sources (so `next build` can be skipped). */
export function buildIsFresh(): boolean {
  return buildFreshness(root).fresh;
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
