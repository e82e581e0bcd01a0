import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { Socket } from "node:net";
import { after, before, describe, it } from "node:test";

import { MemoryBackend, type StateBackend } from "../../lib/state/backend";
import { isSharedStateUnavailable, SharedStateUnavailable } from "../../lib/state/errors";
import { pacedPoll } from "../../lib/state/paced-poll";
import { RedisBackend } from "../../lib/state/redis-backend";
import { createRedisClient, whenReady, type RedisClient } from "../../lib/state/redis-client";
import { SharedState } from "../../lib/state/store";
import { freePort } from "./support/free-port";

const SECRET = "unit-test-secret-0123456789abcdef0123";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The primitives every backend must get right; run against memory and against a real Redis. */
function primitives(name: string, backend: () => StateBackend) {
  const store = () => new SharedState(backend(), SECRET);

  describe(`shared state (${name})`, () => {
    it("consumeOnce is true once, then false, on every store sharing the backend", async () => {
      const a = store();
      const b = new SharedState(a.backend, SECRET);
      const key = `used:${Math.random()}`;
      assert.equal(await a.consumeOnce(key, 5_000), true);
      assert.equal(await b.consumeOnce(key, 5_000), false);
      assert.equal(await a.consumeOnce(key, 5_000), false);
    });

    it("consumeOnce races: exactly one of many concurrent callers wins", async () => {
      const s = store();
      const key = `used:${Math.random()}`;
      const wins = (await Promise.all(Array.from({ length: 20 }, () => s.consumeOnce(key, 5_000)))).filter(
        Boolean,
      );
      assert.equal(wins.length, 1);
    });

    it("tryPace lets one caller through per interval", async () => {
      const s = store();
      const key = `pace:${Math.random()}`;
      // A long interval, so a loaded machine cannot let the third caller arrive after it ends.
      assert.deepEqual(
        await Promise.all([s.tryPace(key, 10_000), s.tryPace(key, 10_000), s.tryPace(key, 10_000)]),
        [true, false, false],
      );
      // A short one ends: waiting longer than it can only make the next caller later, never early.
      const short = `pace:${Math.random()}`;
      assert.equal(await s.tryPace(short, 100), true);
      await sleep(200);
      assert.equal(await s.tryPace(short, 100), true);
    });

    it("remember/recall/take: sealed values, gone after take and after their ttl", async () => {
      const s = store();
      const key = `final:${Math.random()}`;
      await s.remember(key, { status: "approved", token: "t0k3n" }, 10_000);
      assert.deepEqual(await s.recall(key), { status: "approved", token: "t0k3n" });
      assert.deepEqual(await s.take(key), { status: "approved", token: "t0k3n" });
      assert.equal(await s.take(key), undefined);
      await s.remember(key, 1, 100);
      await sleep(150);
      assert.equal(await s.recall(key), undefined);
    });

    it("keys and values in the backend reveal neither the id nor the token", async () => {
      const b = backend();
      const s = new SharedState(b, SECRET);
      await s.remember("final:code-abc", { token: "secret-token" }, 5_000);
      const stored = s.keyFor("final:code-abc");
      assert.match(stored, /^rmi:final:\{[A-Za-z0-9_-]{27}\}$/);
      assert.ok(!stored.includes("code-abc"));
      const raw = await b.get(stored);
      assert.ok(raw && !raw.includes("secret-token"));
      // Another secret (an instance configured differently) opens nothing.
      assert.equal(await new SharedState(b, `${SECRET}-other`).recall("final:code-abc"), undefined);
    });

    it("sharedValue fetches once for concurrent callers and reuses the value", async () => {
      const s = store();
      const t = new SharedState(s.backend, SECRET);
      const key = `apptoken:${Math.random()}`;
      let fetches = 0;
      const fetcher = async () => {
        fetches++;
        await sleep(50);
        return `token-${fetches}`;
      };
      const values = await Promise.all([s, t, s, t].map((x) => x.sharedValue(key, 5_000, fetcher)));
      assert.deepEqual(values, ["token-1", "token-1", "token-1", "token-1"]);
      assert.equal(await t.sharedValue(key, 5_000, fetcher), "token-1");
      assert.equal(fetches, 1);
      // Dropping a stale value renews it once; dropping an older one leaves the fresh value alone.
      await t.dropSharedValue(key, "token-1");
      assert.equal(await s.sharedValue(key, 5_000, fetcher), "token-2");
      await s.dropSharedValue(key, "token-1");
      assert.equal(await t.sharedValue(key, 5_000, fetcher), "token-2");
      assert.equal(fetches, 2);
    });

    it("pacedPoll: one upstream call per interval, a final answer repeated, a 'gone' answered with it", async () => {
      const a = store();
      const b = new SharedState(a.backend, SECRET);
      const login = `login-${Math.random()}`;
      let calls = 0;
      let approved = false;
      type A = "pending" | "approved" | "gone";
      const ask = async (): Promise<A> => {
        calls++;
        if (!approved) return "pending";
        // The provider hands the tokens out once.
        return calls === 2 ? "approved" : "gone";
      };
      const opts = {
        // Long enough that B's poll right after A's is always within it, however loaded the machine.
        intervalMs: 10_000,
        finalTtlMs: 5_000,
        isFinal: (x: A) => x === "approved",
        isGone: (x: A) => x === "gone",
      };
      assert.deepEqual(await pacedPoll(a, login, opts, ask), {
        kind: "answer",
        answer: "pending",
        from: "upstream",
      });
      // Within the interval the other instance repeats the last answer instead of asking.
      // …and says when the pace lets a poll ask again (within the interval, on either instance).
      const paced = await pacedPoll(b, login, opts, ask);
      assert.equal(paced.kind, "paced");
      assert.equal(paced.kind === "paced" ? paced.last : undefined, "pending");
      const next = paced.kind === "paced" ? paced.nextCallInMs : -1;
      assert.ok(next > 0 && next <= 10_000, `next call in ${next} ms`);
      assert.equal(calls, 1);
      approved = true;
      // The interval ends (as if 10 s went by): the next poll asks again.
      await a.forget(`poll-pace:${login}`);
      assert.deepEqual(await pacedPoll(a, login, opts, ask), {
        kind: "answer",
        answer: "approved",
        from: "upstream",
      });
      // Instance B with the old pending cookie: the approval, not "expired".
      assert.deepEqual(await pacedPoll(b, login, opts, ask), {
        kind: "answer",
        answer: "approved",
        from: "final",
      });
      assert.equal(calls, 2);
      // A poll that hears "gone" while another instance's call is storing the approval answers
      // that approval, and never stores "gone" over it.
      const racing = `${login}-race`;
      const raced = await pacedPoll(a, racing, opts, async () => {
        await b.remember(`poll-final:${racing}`, "approved", 5_000);
        return "gone" as A;
      });
      assert.deepEqual(raced, { kind: "answer", answer: "approved", from: "final" });
      assert.equal(await b.recall(`poll-final:${racing}`), "approved");
    });
  });
}

primitives("memory", () => new MemoryBackend());

/** A real Debian redis-server on a free loopback port, which the test stops and starts again. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
      s.connect(port, "127.0.0.1");
    });
    if (up) return child;
    await sleep(50);
  }
  throw new Error("redis-server did not start");
}

async function stopRedis(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe("with a real redis-server", () => {
  let port: number;
  let redis: ChildProcess;
  let client: RedisClient;

  before(async () => {
    port = await freePort();
    redis = await startRedis(port);
    client = createRedisClient({ url: `redis://127.0.0.1:${port}`, cluster: false });
  });
  after(async () => {
    client.disconnect();
    await stopRedis(redis);
  });

  primitives("redis", () => new RedisBackend(client, false));

  it("Redis stopped: single use, pace and final answers refuse; sharedValue falls back; all recover", async () => {
    const s = new SharedState(new RedisBackend(client, false), SECRET);
    const key = `used:${Math.random()}`;
    assert.equal(await s.consumeOnce(key, 60_000), true);
    let fetches = 0;
    const fetcher = async () => `app-${++fetches}`;
    assert.equal(await s.sharedValue("apptoken:x", 60_000, fetcher), "app-1");

    await stopRedis(redis);
    const started = Date.now();
    await assert.rejects(s.consumeOnce(key, 60_000), (e) => e instanceof SharedStateUnavailable);
    await assert.rejects(s.tryPace("pace:y", 1000), isSharedStateUnavailable);
    await assert.rejects(s.recall("final:y"), isSharedStateUnavailable);
    // Refusals are quick: nothing waits in a queue for Redis to come back.
    assert.ok(Date.now() - started < 3_000, `refusals took ${Date.now() - started} ms`);
    // A cache may be duplicated: the application token comes from this process instead.
    assert.equal(await s.sharedValue("apptoken:x", 60_000, fetcher), "app-2");
    assert.equal(await s.sharedValue("apptoken:x", 60_000, fetcher), "app-2");

    redis = await startRedis(port);
    // The client reconnects by itself (within a second or so of Redis answering again).
    let back = false;
    for (let i = 0; i < 100 && !back; i++) {
      back = await s.backend.ping().then(
        () => true,
        () => false,
      );
      if (!back) await sleep(100);
    }
    assert.ok(back, "the client reconnected");
    // Memory-only Redis lost its keys: the store still refuses nothing and counts anew.
    assert.equal(await s.consumeOnce(`used:${Math.random()}`, 60_000), true);
  });
});

describe("with a real three-node Redis Cluster (REDIS_CLUSTER=on)", () => {
  const nodes: ChildProcess[] = [];
  let client: RedisClient;
  const dir = `${process.env.TMPDIR ?? "/tmp"}/rmi-cluster-${process.pid}`;

  before(async () => {
    const { mkdirSync } = await import("node:fs");
    const { execFileSync } = await import("node:child_process");
    mkdirSync(dir, { recursive: true });
    const ports = [await freePort(), await freePort(), await freePort()];
    for (const port of ports) {
      nodes.push(
        spawn(
          "redis-server",
          [
            "--port",
            String(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            `${dir}/nodes-${port}.conf`,
          ],
          { stdio: "ignore" },
        ),
      );
    }
    for (const port of ports) {
      for (let i = 0; i < 100; i++) {
        const up = await new Promise<boolean>((resolve) => {
          const s = new Socket();
          s.once("connect", () => (s.destroy(), resolve(true)));
          s.once("error", () => resolve(false));
          s.connect(port, "127.0.0.1");
        });
        if (up) break;
        await sleep(50);
      }
    }
    execFileSync(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...ports.map((p) => `127.0.0.1:${p}`),
        "--cluster-replicas",
        "0",
        "--cluster-yes",
      ],
      { stdio: "ignore" },
    );
    // The cluster agrees on its slots a moment after `create`, each node in its own time: wait
    // until every node says so, so no test meets a node that has not caught up yet.
    for (let i = 0; i < 100; i++) {
      const states = ports.map((p) =>
        execFileSync("redis-cli", ["-p", String(p), "cluster", "info"]).toString(),
      );
      if (states.every((info) => info.includes("cluster_state:ok"))) break;
      await sleep(100);
    }
    client = createRedisClient({ url: `redis://127.0.0.1:${ports[0]}`, cluster: true });
    // A connection to each primary before the tests, so the first commands of a test do not
    // also open them (on a loaded machine that was the one difference from later commands).
    await whenReady(client, 10_000);
    await Promise.all((client as import("ioredis").Cluster).nodes("master").map((n) => n.ping()));
  });
  after(async () => {
    client.disconnect();
    await Promise.all(nodes.map(stopRedis));
    (await import("node:fs")).rmSync(dir, { recursive: true, force: true });
  });

  primitives("redis cluster", () => new RedisBackend(client, true));

  it("keys land on every node, so MOVED redirects were followed", async () => {
    const s = new SharedState(new RedisBackend(client, true), SECRET);
    for (let i = 0; i < 30; i++) assert.equal(await s.consumeOnce(`used:spread-${i}`, 60_000), true);
    const cluster = client as import("ioredis").Cluster;
    const counts = await Promise.all(cluster.nodes("master").map((n) => n.dbsize()));
    assert.equal(counts.length, 3);
    assert.ok(
      counts.every((c) => c > 0),
      `keys per node: ${counts.join(", ")}`,
    );
  });
});

describe("start-up checks for several instances", () => {
  it("with REDIS_URL, a missing AUTH_SECRET and a missing Server Actions key are named", async () => {
    const { severalInstanceProblems } = await import("../../lib/state/config");
    assert.deepEqual(severalInstanceProblems({}), []);
    assert.deepEqual(
      severalInstanceProblems({ REDIS_URL: "redis://r", AUTH_SECRET: "x".repeat(32) }).map(([v]) => v),
      ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"],
    );
    assert.deepEqual(
      severalInstanceProblems({ REDIS_URL: "redis://r" }).map(([v]) => v),
      ["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"],
    );
  });

  it("the Server Actions key must be base64 of an AES key length", async () => {
    const { sharedStateEnvSchema } = await import("../../lib/state/config");
    const parse = (v: string) =>
      sharedStateEnvSchema.safeParse({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: v }).success;
    assert.equal(parse(Buffer.alloc(32, 1).toString("base64")), true);
    assert.equal(parse(Buffer.alloc(16, 1).toString("base64")), true);
    assert.equal(parse(Buffer.alloc(20, 1).toString("base64")), false);
    assert.equal(parse("not base64!"), false);
  });
});
