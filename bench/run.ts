/**
 * `npm run bench`: builds the portal if its build is missing or older than the sources, starts
 * portal + sandbox in production mode on loopback ports of their own, measures the login paths
 * and writes bench/results.json. Targets are ratios or bounds that hold on a busy machine;
 * absolute times are printed for reading, not for passing.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

import { bin, root, run, startStack, type Stack } from "../scripts/stack";
import { launchBrowser, measureApprovalToSignedIn, measureClickToQr, percentile } from "./browser";
import { firstLoadJs, frameworkJs } from "./js-size";
import { measureTwoInstances, startTwoInstances } from "./instances";
import { measurePollThroughput } from "./poll";

const PORTAL_PORT = Number(process.env.BENCH_PORTAL_PORT ?? 3300);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 4300);
/** The portal's default; the approval target is relative to it. */
const POLL_INTERVAL_MS = 1000;
const POLL_SECONDS = Number(process.env.BENCH_POLL_SECONDS ?? 3);
const POLL_ROUNDS = 4;
/** The two-instance figure: its own portals and Redis beside the benchmark's portal. */
const INSTANCE_PORTS = {
  a: Number(process.env.BENCH_INSTANCE_A_PORT ?? 3301),
  b: Number(process.env.BENCH_INSTANCE_B_PORT ?? 3302),
  redis: Number(process.env.BENCH_REDIS_PORT ?? 6399),
};
/** `BENCH_ONLY=poll,approval` runs only those parts (memory, js, poll, instances, click, approval). */
const only = process.env.BENCH_ONLY?.split(",");
const wanted = (part: string) => !only || only.includes(part);

export type Figure = { name: string; value: number; unit: string; target: string; pass: boolean | null };

const SOURCES = ["app", "lib", "auth.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

function buildIsFresh(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => !existsSync(path.join(root, s)) || newestMtime(path.join(root, s)) < built);
}

function sandboxMemory(): Promise<{ bytesPerLogin: number; count: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", path.join("bench", "sandbox-memory.ts")],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`sandbox-memory exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as { bytesPerLogin: number; count: number });
    });
  });
}

/**
 * In production the portal has its server to itself: the provider and the users' browsers run
 * elsewhere. On one machine they all compete for the same cores, and the sandbox answering the
 * portal's upstream polls would be counted as the portal's own cost. So, when there are at least
 * two cores and `taskset` exists, the portal gets core 0 and everything else (sandbox, this
 * process with autocannon, Chromium) the rest. `BENCH_PIN=off` turns it off.
 */
function cpuLayout(): { portal: string; sandbox: string } | undefined {
  const cores = availableParallelism();
  if (process.env.BENCH_PIN === "off" || cores < 2) return undefined;
  const rest = cores === 2 ? "1" : `1-${cores - 1}`;
  try {
    // -a: every thread of this process, so the browser and workers it starts inherit the set.
    execFileSync("taskset", ["-a", "-cp", rest, String(process.pid)], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  return { portal: "0", sandbox: rest };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main() {
  const startedAt = Date.now();
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    const mark = f.pass === null ? "   " : f.pass ? "ok " : "MISS";
    console.log(`  ${mark} ${f.name}: ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ""}`);
  };

  if (process.argv.includes("--build") || !buildIsFresh()) {
    console.log("Building the portal (next build)…");
    await run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  } else {
    console.log("The build in .next is newer than the sources; not rebuilding (pass --build to force).");
  }

  if (wanted("memory")) {
    console.log("Sandbox memory per pending login…");
    const memory = await sandboxMemory();
    add({
      name: `sandbox memory per pending login (${memory.count} pending)`,
      value: round(memory.bytesPerLogin / 1000, 2),
      unit: "kB",
      target: "≤ 2 kB",
      pass: memory.bytesPerLogin <= 2000,
    });
  }

  if (wanted("js")) {
    console.log("First-load JavaScript (gzipped, from the build manifests)…");
    add({
      name: "first-load JS shared by every page (React DOM + Next.js runtime)",
      value: round(frameworkJs(root) / 1000),
      unit: "kB gzip",
      target: "",
      pass: null,
    });
    const framework = frameworkJs(root);
    // Our share: what a page loads beyond React DOM and the Next.js runtime every page shares.
    for (const [route, limitKb] of [
      ["login", 10],
      ["login/qr", 20],
      ["account", 10],
    ] as const) {
      const js = firstLoadJs(root, route);
      add({
        name: `first-load JS /${route}`,
        value: round(js.bytes / 1000),
        unit: "kB gzip",
        target: "",
        pass: null,
      });
      const ours = js.bytes - framework;
      add({
        name: `first-load JS /${route}, ours`,
        value: round(ours / 1000),
        unit: "kB gzip",
        target: `≤ ${limitKb} kB`,
        pass: ours <= limitKb * 1000,
      });
    }
    // The other device-login pages share the QR page's hook and outcome view: printed to read.
    for (const route of ["login/bankid", "login/idtoken", "agent/verify"]) {
      const ours = firstLoadJs(root, route).bytes - framework;
      add({
        name: `first-load JS /${route}, ours`,
        value: round(ours / 1000),
        unit: "kB gzip",
        target: "",
        pass: null,
      });
    }
  }

  const cpus = cpuLayout();
  console.log(
    `Starting portal :${PORTAL_PORT} and sandbox :${SANDBOX_PORT} (production, loopback)` +
      (cpus ? `; portal on CPU ${cpus.portal}, sandbox + load + browser on CPU ${cpus.sandbox}…` : "…"),
  );
  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      mode: "production",
      portalPort: PORTAL_PORT,
      sandboxPort: SANDBOX_PORT,
      sandboxHost: "127.0.0.1",
      portalHost: "127.0.0.1",
      sandboxPublicUrl: sandboxUrl,
      quiet: true,
      cpus,
      env: {
        NODE_ENV: "production",
        SANDBOX: "on",
        SANDBOX_URL: sandboxUrl,
        SANDBOX_ISSUER_BASE: sandboxUrl,
        AUTH_SECRET: "benchmark-only-secret-0123456789abcdef",
        DIGIDENTITY_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
        LOG_LEVEL: "warn",
        // One load generator on one address drives hundreds of logins: the limits would measure
        // themselves (fast 429s) instead of the poll path.
        RATE_LIMIT_START_PER_BROWSER: "1000000",
        RATE_LIMIT_START_PER_ADDRESS: "1000000",
        RATE_LIMIT_POLL_PER_BROWSER: "1000000",
        RATE_LIMIT_POLL_PER_ADDRESS: "1000000",
      },
    });
    // Node's fetch may try ::1 for localhost first; the portal listens on 127.0.0.1 only.
    const portalLoopback = `http://127.0.0.1:${PORTAL_PORT}`;

    for (const pending of wanted("poll") ? [50, 200] : []) {
      console.log(`Status-poll throughput, ${pending} pending logins…`);
      const f = await measurePollThroughput(portalLoopback, pending, {
        seconds: POLL_SECONDS,
        rounds: POLL_ROUNDS,
      });
      const at = `${pending} pending`;
      add({ name: `bare route ${at}`, value: round(f.bare.rps, 0), unit: "req/s", target: "", pass: null });
      add({ name: `status poll ${at}`, value: round(f.poll.rps, 0), unit: "req/s", target: "", pass: null });
      for (const p of ["p50", "p95", "p99"] as const) {
        add({
          name: `status poll ${at} latency ${p}`,
          value: round(f.poll[p]),
          unit: "ms",
          target: "",
          pass: null,
        });
        add({
          name: `bare route ${at} latency ${p}`,
          value: round(f.bare[p]),
          unit: "ms",
          target: "",
          pass: null,
        });
      }
      add({
        name: `poll/bare throughput ratio ${at}`,
        value: round(f.ratio, 2),
        unit: "",
        target: pending === 200 ? "≥ 0.70" : "",
        pass: pending === 200 ? f.ratio >= 0.7 : null,
      });
    }

    if (wanted("instances")) {
      const pending = 200;
      console.log(
        `Status-poll throughput, one instance against two sharing Redis, ${pending} pending logins` +
          (cpus ? ` (A on CPU 0; B, Redis, sandbox and load on CPU ${cpus.sandbox})…` : "…"),
      );
      const instances = await startTwoInstances({
        ports: INSTANCE_PORTS,
        sandboxUrl,
        env: {
          NODE_ENV: "production",
          SANDBOX: "on",
          AUTH_SECRET: "benchmark-only-secret-0123456789abcdef",
          DIGIDENTITY_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
          LOG_LEVEL: "warn",
          RATE_LIMIT_START_PER_BROWSER: "1000000",
          RATE_LIMIT_START_PER_ADDRESS: "1000000",
          RATE_LIMIT_POLL_PER_BROWSER: "1000000",
          RATE_LIMIT_POLL_PER_ADDRESS: "1000000",
        },
        ...(cpus ? { cpus: { a: cpus.portal, b: cpus.sandbox } } : {}),
      });
      try {
        const f = await measureTwoInstances(instances, pending, {
          seconds: POLL_SECONDS,
          rounds: POLL_ROUNDS,
        });
        const at = `${pending} pending, Redis`;
        add({
          name: `status poll, one instance, ${at}`,
          value: round(f.one.rps, 0),
          unit: "req/s",
          target: "",
          pass: null,
        });
        add({
          name: `status poll, two instances, ${at}`,
          value: round(f.two.rps, 0),
          unit: "req/s",
          target: "",
          pass: null,
        });
        for (const p of ["p50", "p99"] as const) {
          add({
            name: `status poll, one instance, ${at} latency ${p}`,
            value: round(f.one[p]),
            unit: "ms",
            target: "",
            pass: null,
          });
          add({
            name: `status poll, two instances, ${at} latency ${p}`,
            value: round(f.two[p]),
            unit: "ms",
            target: "",
            pass: null,
          });
        }
        // Printed, not judged: on a 2-core machine B shares its core with Redis, the sandbox
        // and the load generator, so the ratio says what a second instance adds here, no more.
        add({
          name: `two/one instances throughput ratio, ${at}`,
          value: round(f.ratio, 2),
          unit: "",
          target: "",
          pass: null,
        });
      } finally {
        await instances.stop();
      }
    }

    const browser = await launchBrowser();
    try {
      if (wanted("click")) {
        console.log("Click → QR visible, and click → bare page, 30 runs each…");
        const click = await measureClickToQr(browser, stack.portalUrl, 30);
        for (const [label, times] of [
          ["click → QR visible", click.qr],
          ["click → bare page visible", click.bare],
        ] as const) {
          for (const p of [50, 95] as const) {
            add({ name: `${label} p${p}`, value: percentile(times, p), unit: "ms", target: "", pass: null });
          }
        }
        // A ratio, not an absolute time: a loaded machine slows the bare navigation alike.
        const ratio = percentile(click.qr, 95) / percentile(click.bare, 95);
        add({
          name: "click → QR visible p95 / bare page navigation p95",
          value: round(ratio, 2),
          unit: "×",
          target: "≤ 2",
          pass: ratio <= 2,
        });
      }

      if (wanted("approval")) {
        console.log("Approval → signed in, 50 QR logins…");
        const approval = await measureApprovalToSignedIn(browser, stack.portalUrl, sandboxUrl, {
          logins: 50,
          pollIntervalMs: POLL_INTERVAL_MS,
        });
        const limit = POLL_INTERVAL_MS + 100;
        add({ name: "poll interval", value: POLL_INTERVAL_MS, unit: "ms", target: "", pass: null });
        const seenP95 = percentile(approval.seen, 95);
        add({
          name: "approval → page sees it p50",
          value: percentile(approval.seen, 50),
          unit: "ms",
          target: "",
          pass: null,
        });
        add({ name: "approval → page sees it p95", value: seenP95, unit: "ms", target: "", pass: null });
        add({
          name: "approval → signed in p50",
          value: percentile(approval.signedIn, 50),
          unit: "ms",
          target: "",
          pass: null,
        });
        const approvalP95 = percentile(approval.signedIn, 95);
        add({
          name: "approval → signed in p95",
          value: approvalP95,
          unit: "ms",
          target: `≤ ${limit} ms (poll interval + 100)`,
          pass: approvalP95 <= limit,
        });
      }
    } finally {
      await browser.close();
    }
  } finally {
    await stack?.stop();
  }

  writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(figures, null, 2) + "\n");
  const missed = figures.filter((f) => f.pass === false);
  console.log("");
  console.table(figures.map((f) => ({ ...f, pass: f.pass === null ? "" : f.pass ? "yes" : "NO" })));
  // The same table as Markdown, for the README's Performance section.
  console.log("\n| figure | value | target | met |\n| --- | --- | --- | --- |");
  for (const f of figures) {
    const met = f.pass === null ? "" : f.pass ? "yes" : "**no**";
    console.log(`| ${f.name} | ${f.value} ${f.unit} | ${f.target} | ${met} |`);
  }
  console.log(`bench/results.json written in ${round((Date.now() - startedAt) / 1000, 0)} s.`);
  if (missed.length > 0) {
    console.log(`Missed: ${missed.map((f) => f.name).join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
