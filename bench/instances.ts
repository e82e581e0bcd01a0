/**
 * Two portal instances against one, in the same run: both share one Redis (the shared state of
 * docs/production.md) and the benchmark's sandbox. The same pending QR logins are polled through
 * instance A alone, then through A and B at once with the connections split between them (what
 * a load balancer does), rounds alternating so a noisy neighbour hits both alike.
 */
import { spawn, type ChildProcess } from "node:child_process";

import { bin, root } from "../scripts/stack";
import { load, startPendingLogins, summarise, type LoadStats } from "./poll";

export type InstanceFigures = { pending: number; one: LoadStats; two: LoadStats; ratio: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pinned(cpu: string | undefined, command: string, args: string[]): [string, string[]] {
  return cpu === undefined ? [command, args] : ["taskset", ["-c", cpu, command, ...args]];
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    return Promise.resolve();
  }
  return exited;
}

async function waitFor(url: string, child: ChildProcess, name: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before it was ready`);
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.ok) return;
    await sleep(250);
  }
  throw new Error(`${name} did not answer ${url} within 60 s`);
}

export type TwoInstances = { a: string; b: string; stop: () => Promise<void> };

/**
 * Redis and two `next start` processes with the same secret and Server Actions key, pointed at
 * the benchmark's sandbox. `cpus`: instance A on the first list, B (with Redis) on the second.
 */
export async function startTwoInstances(o: {
  ports: { a: number; b: number; redis: number };
  sandboxUrl: string;
  env: Record<string, string>;
  cpus?: { a: string; b: string };
}): Promise<TwoInstances> {
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map(stop));
  };
  try {
    const redis = spawn(
      ...pinned(o.cpus?.b, "redis-server", [
        "--port",
        String(o.ports.redis),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
      ]),
      { stdio: "ignore", detached: true },
    );
    children.push(redis);
    const env = {
      ...process.env,
      ...o.env,
      NEXT_TELEMETRY_DISABLED: "1",
      REDIS_URL: `redis://127.0.0.1:${o.ports.redis}`,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      SANDBOX_URL: o.sandboxUrl,
    };
    const urls: string[] = [];
    for (const [name, port, cpu] of [
      ["instance A", o.ports.a, o.cpus?.a],
      ["instance B", o.ports.b, o.cpus?.b],
    ] as const) {
      const url = `http://127.0.0.1:${port}`;
      const child = spawn(...pinned(cpu, bin("next"), ["start", "-H", "127.0.0.1", "-p", String(port)]), {
        cwd: root,
        env: { ...env, AUTH_URL: `http://localhost:${port}` },
        stdio: "ignore",
        detached: true,
      });
      children.push(child);
      await waitFor(`${url}/api/ready`, child, name);
      urls.push(url);
    }
    return { a: urls[0]!, b: urls[1]!, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/** Status-poll throughput through A alone and through A and B together, same logins, same run. */
export async function measureTwoInstances(
  instances: TwoInstances,
  pending: number,
  options: { seconds: number; rounds: number },
): Promise<InstanceFigures> {
  const cookies = await startPendingLogins(instances.a, pending);
  const path = "/api/digidentity-qr/status";
  const half = Math.max(1, Math.floor(pending / 2));
  // Warm-up: JIT, the Redis connections, the first opening of each cookie on each instance.
  await load(`${instances.a}${path}`, pending, 2, cookies);
  await load(`${instances.b}${path}`, pending, 2, cookies);
  const one = [];
  const two = [];
  for (let round = 0; round < options.rounds; round++) {
    one.push(await load(`${instances.a}${path}`, pending, options.seconds, cookies));
    const [a, b] = await Promise.all([
      load(`${instances.a}${path}`, half, options.seconds, cookies),
      load(`${instances.b}${path}`, pending - half, options.seconds, cookies),
    ]);
    // Both ran at the same time: their requests add up over the same seconds.
    two.push({
      requests: a.requests + b.requests,
      seconds: Math.max(a.seconds, b.seconds),
      latencies: [...a.latencies, ...b.latencies],
    });
  }
  const o = summarise(one);
  const t = summarise(two);
  return { pending, one: o, two: t, ratio: t.rps / o.rps };
}
