/**
 * `npm run demo` as a presenter starts it: a taken port is refused by name, SIGTERM stops portal
 * and sandbox (their ports are free afterwards), and a fresh build is not built again. Needs a
 * build of the portal (`npm run test:e2e` runs this right after `next build`).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { after, test } from "node:test";

import { buildFreshness } from "../../scripts/build-freshness";

const root = path.resolve(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether the port can be listened on (nothing holds it) on every address the demo uses. */
async function portIsFree(port: number): Promise<boolean> {
  for (const host of ["127.0.0.1", "0.0.0.0"]) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

type Demo = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
const running: Demo[] = [];

function startDemo(env: Record<string, string>, args: string[] = []): Demo {
  // detached: the demo and what it starts are a group of their own the cleanup can stop.
  const child = spawn("npm", ["run", "demo", "--", ...args], {
    cwd: root,
    env: { ...process.env, DEMO_LOOPBACK_ONLY: "on", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const demo = { child, output: () => output, exited };
  running.push(demo);
  return demo;
}

async function until(what: string, demo: Demo, check: (output: string) => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check(demo.output())) {
    if (demo.child.exitCode !== null) assert.fail(`the demo ended before ${what}:\n${demo.output()}`);
    if (Date.now() > deadline) assert.fail(`no ${what} within ${timeoutMs / 1000} s:\n${demo.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the demo has said "Stopped." and nothing listens on the ports any more. */
async function portsFreed(demo: Demo, ports: number[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const free = await Promise.all(ports.map(portIsFree));
    if (free.every(Boolean) && demo.output().includes("Stopped.")) return;
    if (Date.now() > deadline)
      assert.fail(
        `still taken after ${timeoutMs / 1000} s: ${ports.filter((_, i) => !free[i]).join(", ") || "none"}\n${demo.output()}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

after(async () => {
  // Whatever a failed test left running: SIGTERM first, so the demo stops its servers.
  for (const demo of running) {
    if (demo.child.pid === undefined) continue;
    try {
      process.kill(-demo.child.pid, "SIGTERM");
    } catch {
      continue; // Gone.
    }
    await new Promise((r) => setTimeout(r, 15_000));
    try {
      process.kill(-demo.child.pid, "SIGKILL");
    } catch {
      // Gone.
    }
  }
});

const hasBuild = buildFreshness(root).why !== "there is no build yet";

test("a taken portal port is refused with a message naming it, even when it answers /api/health", async () => {
  const [portalPort, sandboxPort] = [await freePort(), await freePort()];
  // Something that passes for a portal: it answers the health URL the demo waits for.
  const impostor = createHttpServer((_, res) => res.end('{"ok":true}'));
  await new Promise<void>((resolve) => impostor.listen(portalPort, "127.0.0.1", resolve));
  try {
    const demo = startDemo({ PORTAL_PORT: String(portalPort), SANDBOX_PORT: String(sandboxPort) });
    assert.equal(await demo.exited, 1, demo.output());
    const out = demo.output();
    assert.match(
      out,
      new RegExp(
        `Port ${portalPort} \\(PORTAL_PORT, the portal\\) is already in use by a portal \\(it answers /api/health\\)`,
      ),
    );
    assert.match(out, /PORTAL_PORT=\d+ SANDBOX_PORT=\d+ npm run demo/);
    assert.doesNotMatch(out, /Ready\.|Building/);
  } finally {
    impostor.closeAllConnections();
    impostor.close();
  }
});

test("a taken sandbox port is refused naming SANDBOX_PORT", async () => {
  const [portalPort, sandboxPort] = [await freePort(), await freePort()];
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(sandboxPort, "127.0.0.1", resolve));
  try {
    const demo = startDemo({ PORTAL_PORT: String(portalPort), SANDBOX_PORT: String(sandboxPort) });
    assert.equal(await demo.exited, 1, demo.output());
    assert.match(
      demo.output(),
      new RegExp(`Port ${sandboxPort} \\(SANDBOX_PORT, the sandbox\\) is already in use`),
    );
  } finally {
    // Not awaited: its callback waits for the demo's probe connections, which need not outlive it.
    other.close();
  }
});

test(
  "SIGTERM to `npm run demo` stops portal and sandbox: both ports are free afterwards",
  { skip: !hasBuild && "no build: run `next build` first" },
  async () => {
    const [portalPort, sandboxPort] = [await freePort(), await freePort()];
    const demo = startDemo({ PORTAL_PORT: String(portalPort), SANDBOX_PORT: String(sandboxPort) }, [
      "--no-build",
    ]);
    await until("ready box", demo, (out) => out.includes("Ready. Press Ctrl-C"));
    const out = demo.output();
    assert.match(out, new RegExp(`On this computer, open +http://localhost:${portalPort} `));
    assert.match(out, new RegExp(`The sandbox listens on 127\\.0\\.0\\.1 only`));
    assert.equal(await portIsFree(portalPort), false, "the portal listens");
    assert.equal(await portIsFree(sandboxPort), false, "the sandbox listens");
    const health = await fetch(`http://127.0.0.1:${portalPort}/api/health`);
    assert.equal(health.status, 200);

    demo.child.kill("SIGTERM"); // to npm itself, as a process manager or `kill <pid>` would
    // npm passes it on and ends at once; the demo then stops both servers and says so.
    await portsFreed(demo, [portalPort, sandboxPort]);
    assert.match(demo.output(), /stopping portal and sandbox…\n(.*\n)*Stopped\./);
  },
);

test(
  "a fresh build is not built again",
  { skip: !buildFreshness(root).fresh && "the build is not fresh here" },
  async () => {
    const [portalPort, sandboxPort] = [await freePort(), await freePort()];
    const demo = startDemo({ PORTAL_PORT: String(portalPort), SANDBOX_PORT: String(sandboxPort) });
    await until("ready box", demo, (out) => out.includes("Ready. Press Ctrl-C"), 60_000);
    assert.match(demo.output(), /The build is fresh \(.*\): not building/);
    assert.doesNotMatch(demo.output(), /Building the portal/);
    // Ctrl-C: the terminal signals the whole foreground group (npm, sh, the demo).
    process.kill(-demo.child.pid!, "SIGINT");
    await portsFreed(demo, [portalPort, sandboxPort]);
  },
);
