import "server-only";

import { Cluster, Redis } from "ioredis";

import { log } from "../log";

export type RedisClient = Redis | Cluster;

/** Clients that have been connected once: after that, a lost connection fails requests at once. */
const readyOnce = new WeakSet<RedisClient>();

export type RedisSettings = {
  /** redis:// or rediss:// (TLS); with `cluster`, any one node of the cluster. */
  url: string;
  /** REDIS_CLUSTER=on: talk the Cluster protocol (ioredis' Cluster client follows MOVED/ASK). */
  cluster: boolean;
};

/**
 * One client for everything the portal keeps in Redis (shared state and rate limits). Commands
 * never wait in a queue while Redis is away: they fail at once (`enableOfflineQueue: false`)
 * or after `commandTimeout`, so a request is answered in about a second whatever Redis does,
 * and the client reconnects within a second of Redis coming back.
 */
export function createRedisClient({ url, cluster }: RedisSettings): RedisClient {
  const retry = (times: number) => Math.min(times * 100, 1000);
  const common = { connectTimeout: 2000, commandTimeout: 1000, maxRetriesPerRequest: 1 };
  let client: RedisClient;
  if (cluster) {
    const u = new URL(url);
    client = new Cluster([{ host: u.hostname, port: Number(u.port || 6379) }], {
      enableOfflineQueue: false,
      clusterRetryStrategy: retry,
      redisOptions: {
        ...common,
        username: u.username ? decodeURIComponent(u.username) : undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        tls: u.protocol === "rediss:" ? {} : undefined,
      },
    });
  } else {
    client = new Redis(url, { ...common, enableOfflineQueue: false, retryStrategy: retry });
  }
  // ioredis reports every failed reconnect; one line every 10 s is enough to see an outage.
  let lastLogged = 0;
  client.on("error", (e: Error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    log.warn({ event: "redis_error", detail: e.message }, "Redis connection error");
  });
  client.on("ready", () => {
    if (readyOnce.has(client)) log.info({ event: "redis_ready" }, "Redis reachable again");
    readyOnce.add(client);
    lastLogged = 0;
  });
  return client;
}

/**
 * Wait for the first connection after start-up (at most `graceMs`); once the client has been
 * ready, a lost connection is reported at once instead of making requests wait for it.
 */
export async function whenReady(client: RedisClient, graceMs = 2000): Promise<boolean> {
  if (client.status === "ready") return true;
  if (readyOnce.has(client) || client.status === "end") return false;
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), graceMs);
    client.once("ready", onReady);
  });
}
