import "server-only";

import { getConfig } from "../config";
import { log } from "../log";
import { MemoryBackend } from "./backend";
import { RedisBackend } from "./redis-backend";
import { createRedisClient, whenReady, type RedisClient } from "./redis-client";
import { SharedState } from "./store";

export { isSharedStateUnavailable, SharedStateUnavailable } from "./errors";
export type { SharedState } from "./store";

type Holder = { state: SharedState; redis: RedisClient | undefined };

/**
 * One store per process, kept on globalThis: Next.js may load this module more than once in
 * one server (instrumentation, route handlers, server actions), and they must share one client
 * and one memory.
 */
const HOLDER = Symbol.for("rmi.shared-state");
type WithHolder = typeof globalThis & { [HOLDER]?: Holder };

function holder(): Holder {
  const g = globalThis as WithHolder;
  if (g[HOLDER]) return g[HOLDER];
  const cfg = getConfig();
  const url = cfg.rateLimits.redisUrl;
  let made: Holder;
  if (url) {
    const redis = createRedisClient({ url, cluster: cfg.sharedState.redisCluster });
    made = {
      redis,
      state: new SharedState(new RedisBackend(redis, cfg.sharedState.redisCluster), cfg.authSecret),
    };
  } else {
    made = { redis: undefined, state: new SharedState(new MemoryBackend(), cfg.authSecret) };
  }
  g[HOLDER] = made;
  return made;
}

/** The shared-state store: Redis with REDIS_URL, else this process's memory. */
export function getSharedState(): SharedState {
  return holder().state;
}

/** The one Redis client (for the rate limits too); undefined without REDIS_URL. */
export function getRedisClient(): RedisClient | undefined {
  return holder().redis;
}

/** Says at start-up which store this instance uses, so a single-instance setup is visible. */
export async function announceSharedState(): Promise<void> {
  const { state, redis } = holder();
  if (!redis) {
    log.info(
      { event: "shared_state", store: "memory" },
      "single instance: login state that must be shared (pace, final answers, single use) is kept in this process's memory; set REDIS_URL to run several instances",
    );
    return;
  }
  const reachable = await whenReady(redis, 3000);
  log.info(
    { event: "shared_state", store: state.kind, reachable },
    reachable
      ? "several instances: shared login state is kept in Redis"
      : "several instances: Redis is not reachable yet; device logins are refused until it is (see docs/production.md)",
  );
}

/** Readiness: the store answers (always, in memory). */
export async function sharedStateReachable(): Promise<{ ok: boolean; store: string; detail?: string }> {
  const { state } = holder();
  try {
    await state.backend.ping();
    return { ok: true, store: state.kind };
  } catch (e) {
    return { ok: false, store: state.kind, detail: e instanceof Error ? e.message : String(e) };
  }
}
