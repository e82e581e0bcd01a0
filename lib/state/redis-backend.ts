import "server-only";

import type { StateBackend } from "./backend";
import { SharedStateUnavailable } from "./errors";
import { whenReady, type RedisClient } from "./redis-client";

/** Delete the key only while it still holds ARGV[1] (one key: fine on a Cluster too). */
const DEL_IF_EQUALS = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/**
 * Redis or Valkey through ioredis (a single node, a primary with replicas behind one address,
 * or a Cluster). Every command touches one key, so a Cluster needs no hash tags. Any failure is
 * a SharedStateUnavailable: the caller decides whether that may fall back or must refuse.
 */
export class RedisBackend implements StateBackend {
  readonly kind: "redis" | "redis-cluster";

  constructor(
    private readonly client: RedisClient,
    cluster: boolean,
  ) {
    this.kind = cluster ? "redis-cluster" : "redis";
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    if (!(await whenReady(this.client))) {
      throw new SharedStateUnavailable(operation, `Redis is not connected (${this.client.status})`);
    }
    try {
      return await command();
    } catch (e) {
      throw new SharedStateUnavailable(operation, e instanceof Error ? e.message : String(e));
    }
  }

  setIfAbsent(key: string, value: string, ttlMs: number) {
    return this.#run(
      "setIfAbsent",
      async () => (await this.client.set(key, value, "PX", Math.max(1, ttlMs), "NX")) === "OK",
    );
  }
  async set(key: string, value: string, ttlMs: number) {
    await this.#run("set", () => this.client.set(key, value, "PX", Math.max(1, ttlMs)));
  }
  get(key: string) {
    return this.#run("get", () => this.client.get(key));
  }
  take(key: string) {
    return this.#run("take", () => this.client.getdel(key));
  }
  async del(key: string) {
    await this.#run("del", () => this.client.del(key));
  }
  delIfEquals(key: string, value: string) {
    return this.#run(
      "delIfEquals",
      async () => Number(await this.client.eval(DEL_IF_EQUALS, 1, key, value)) === 1,
    );
  }
  async ping() {
    await this.#run("ping", () => this.client.ping());
  }
  async close() {
    this.client.disconnect();
  }
}
