import "server-only";

import { createHmac } from "node:crypto";

import { getConfig } from "../config";
import { log } from "../log";
import { announceSharedState, getRedisClient } from "./index";
import { installGracefulShutdown } from "./lifecycle";
import { whenReady, type RedisClient } from "./redis-client";

/**
 * What must be equal on every instance sharing one Redis, as fingerprints (HMACs: the values
 * never leave the process). Each instance keeps its fingerprints alive in Redis (60 s, renewed
 * every 20 s and at every reconnect); one that starts with another value refuses to start, naming the variable.
 */
const FINGERPRINT_TTL_MS = 60_000;
const RENEW_MS = 20_000;

type Fingerprint = { variable: string; key: string; value: string };

function fingerprints(): Fingerprint[] {
  const cfg = getConfig();
  const fp = (v: string) =>
    createHmac("sha256", v).update("rmi instance fingerprint v1").digest("hex").slice(0, 32);
  const list = [{ variable: "AUTH_SECRET", key: "rmi:fp:auth-secret", value: fp(cfg.authSecret) }];
  if (cfg.sharedState.serverActionsKey) {
    list.push({
      variable: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      key: "rmi:fp:server-actions-key",
      value: fp(cfg.sharedState.serverActionsKey),
    });
  }
  return list;
}

const MISMATCH = Symbol.for("rmi.config-mismatch");
type WithMismatch = typeof globalThis & { [MISMATCH]?: string[] };

/** Variables found to differ from the other instances' while running (readiness reports them). */
export function configMismatches(): string[] {
  return (globalThis as WithMismatch)[MISMATCH] ?? [];
}

/** The variables whose value differs from the one the running instances use. */
async function compare(redis: RedisClient): Promise<string[]> {
  const differing: string[] = [];
  for (const f of fingerprints()) {
    const created = await redis.set(f.key, f.value, "PX", FINGERPRINT_TTL_MS, "NX");
    if (created === "OK") continue;
    const theirs = await redis.get(f.key);
    if (theirs === null) await redis.set(f.key, f.value, "PX", FINGERPRINT_TTL_MS);
    else if (theirs === f.value) await redis.pexpire(f.key, FINGERPRINT_TTL_MS);
    else differing.push(f.variable);
  }
  return differing;
}

function refuse(differing: string[]): never {
  const message =
    `Refusing to start: ${differing.join(" and ")} differ${differing.length === 1 ? "s" : ""} from the value ` +
    `the other portal instances sharing this Redis use. Set the same value on every instance ` +
    `(docs/production.md); the mark of the old value expires ${FINGERPRINT_TTL_MS / 1000} s after its last instance stops.`;
  log.fatal({ event: "instance_config_mismatch", variables: differing }, message);
  console.error(`\n${message}\n`);
  process.exit(1);
}

/**
 * Start-up for several instances: the graceful shutdown, one log line naming the store, and
 * the fingerprint check (at once if Redis answers within a few seconds, else when it first does).
 */
export async function startSharedState(): Promise<void> {
  installGracefulShutdown(getConfig().sharedState.shutdownDrainSeconds);
  await announceSharedState();
  const redis = getRedisClient();
  if (!redis) return;
  let started = false;
  const check = async () => {
    try {
      const differing = await compare(redis);
      if (differing.length > 0 && !started) refuse(differing);
      (globalThis as WithMismatch)[MISMATCH] = differing;
      if (differing.length > 0) {
        log.error(
          { event: "instance_config_mismatch", variables: differing },
          "configuration differs between instances",
        );
      }
      started = true;
    } catch (e) {
      log.warn(
        { event: "fingerprint_check_failed", detail: e instanceof Error ? e.message : String(e) },
        "fingerprint check failed",
      );
    }
  };
  const connected = await whenReady(redis, 3000);
  // Again at every reconnect: a Redis that restarted empty has lost the running instances' marks,
  // and a mismatching instance started meanwhile must not find the field clear.
  redis.on("ready", () => void check());
  if (connected) await check();
  setInterval(() => {
    if (redis.status === "ready") void check();
  }, RENEW_MS).unref();
}
