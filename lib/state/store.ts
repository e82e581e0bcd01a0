import "server-only";

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

import { log } from "../log";
import type { StateBackend } from "./backend";
import { isSharedStateUnavailable } from "./errors";

type Ttl<T> = number | ((value: T) => number);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The portal's shared state: what several instances must agree on (docs/production.md).
 *
 * Keys are `"<kind>:<id>"`; the id may be a provider code or a token, so only its HMAC (keyed
 * from AUTH_SECRET) reaches the backend: `rmi:<kind>:{<hmac>}`. Values may hold tokens, so they
 * are sealed with AES-256-GCM (key from AUTH_SECRET, the stored key as associated data), like the
 * cookies. With REDIS_URL every primitive but `sharedValue` refuses (SharedStateUnavailable)
 * when Redis cannot answer: a single use must never silently become a second use.
 */
export class SharedState {
  readonly #keyHash: Buffer;
  readonly #sealKey: Buffer;
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #localValues = new Map<string, { value: unknown; until: number }>();

  constructor(
    readonly backend: StateBackend,
    secret: string,
  ) {
    const derive = (info: string) => Buffer.from(hkdfSync("sha256", secret, "rmi-shared-state-v1", info, 32));
    this.#keyHash = derive("key names");
    this.#sealKey = derive("values");
  }

  get kind() {
    return this.backend.kind;
  }

  /** The backend's key for a `"<kind>:<id>"` key: the kind stays readable, the id does not. */
  keyFor(key: string): string {
    const colon = key.indexOf(":");
    const kind = colon > 0 ? key.slice(0, colon) : "k";
    const id = colon > 0 ? key.slice(colon + 1) : key;
    if (!/^[a-z0-9-]{1,40}$/.test(kind)) throw new Error(`bad shared-state key kind: ${kind}`);
    const digest = createHmac("sha256", this.#keyHash).update(id).digest("base64url").slice(0, 27);
    return `rmi:${kind}:{${digest}}`;
  }

  seal(storedKey: string, value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#sealKey, iv);
    cipher.setAAD(Buffer.from(storedKey));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** Undefined for a value that does not open (another secret, or moved to another key). */
  open<T>(storedKey: string, sealed: string | null): T | undefined {
    if (sealed === null) return undefined;
    try {
      const raw = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", this.#sealKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(storedKey));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }

  /**
   * Atomic single use (SET NX): true the first time anyone, on any instance, consumes `key`
   * within `ttlMs`; false ever after. Keep `ttlMs` at least as long as the thing consumed lives.
   */
  consumeOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.backend.setIfAbsent(this.keyFor(key), "1", ttlMs);
  }

  /**
   * The upstream pace of one login: true for exactly one caller per `intervalMs` across every
   * instance (that caller asks the provider); everyone else gets false and must not ask.
   */
  tryPace(key: string, intervalMs: number): Promise<boolean> {
    return this.backend.setIfAbsent(this.keyFor(key), String(Date.now() + intervalMs), intervalMs);
  }

  /** Hold the pace for `ms` from now whatever it was (after the provider said `slow_down`). */
  holdPace(key: string, ms: number): Promise<void> {
    return this.backend.set(this.keyFor(key), String(Date.now() + ms), ms);
  }

  /**
   * Ms until the pace lets a caller ask again (0 when it would now), from the time the pace's
   * holder wrote (instances' clocks are assumed close; the answer is only a hint, capped at `capMs`).
   */
  async paceLeftMs(key: string, capMs: number): Promise<number> {
    const until = Number(await this.backend.get(this.keyFor(key)));
    return Number.isFinite(until) ? Math.min(capMs, Math.max(0, until - Date.now())) : 0;
  }

  /** A mark that something is under way (e.g. an upstream call); the token releases only this mark. */
  async mark(key: string, ttlMs: number): Promise<string> {
    const token = randomBytes(12).toString("base64url");
    await this.backend.set(this.keyFor(key), token, ttlMs);
    return token;
  }

  async unmark(key: string, token: string): Promise<void> {
    await this.backend.delIfEquals(this.keyFor(key), token);
  }

  async isMarked(key: string): Promise<boolean> {
    return (await this.backend.get(this.keyFor(key))) !== null;
  }

  /** Keep `value` (sealed) for `ttlMs`: the final answer of a login until the browser has it. */
  async remember(key: string, value: unknown, ttlMs: number): Promise<void> {
    const stored = this.keyFor(key);
    await this.backend.set(stored, this.seal(stored, value), ttlMs);
  }

  async recall<T>(key: string): Promise<T | undefined> {
    const stored = this.keyFor(key);
    return this.open<T>(stored, await this.backend.get(stored));
  }

  /** Recall and delete in one step (GETDEL): only one caller anywhere gets the value. */
  async take<T>(key: string): Promise<T | undefined> {
    const stored = this.keyFor(key);
    return this.open<T>(stored, await this.backend.take(stored));
  }

  async forget(key: string): Promise<void> {
    await this.backend.del(this.keyFor(key));
  }

  /**
   * A value every instance shares and only one fetches (e.g. a provider's application token):
   * the cached value while it lives; on a miss one caller anywhere takes a lock and fetches,
   * the others wait for its value. If Redis cannot answer this falls back to a per-process
   * cache (logged): a cache may be duplicated, unlike a single use.
   */
  sharedValue<T>(key: string, ttl: Ttl<T>, fetcher: () => Promise<T>, lockMs = 10_000): Promise<T> {
    const running = this.#inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const ttlOf = (v: T) => Math.max(1, typeof ttl === "function" ? ttl(v) : ttl);
    const work = (async () => {
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          const cached = await this.recall<T>(key);
          if (cached !== undefined) return cached;
          const lock = this.keyFor(`${key.split(":")[0]}-lock:${key}`);
          const token = randomBytes(12).toString("base64url");
          if (await this.backend.setIfAbsent(lock, token, lockMs)) {
            try {
              const value = await fetcher();
              await this.remember(key, value, ttlOf(value)).catch((e: unknown) => {
                if (!isSharedStateUnavailable(e)) throw e;
                log.warn(
                  { event: "shared_value_not_stored", key: key.split(":")[0] },
                  "shared value not stored",
                );
              });
              return value;
            } finally {
              await this.backend.delIfEquals(lock, token).catch(() => undefined);
            }
          }
          // Another instance is fetching: wait for its value while its lock lives.
          const deadline = Date.now() + lockMs;
          while (Date.now() < deadline) {
            await sleep(50);
            const value = await this.recall<T>(key);
            if (value !== undefined) return value;
            if ((await this.backend.get(lock)) === null) break;
          }
        }
        return await fetcher();
      } catch (e) {
        if (!isSharedStateUnavailable(e)) throw e;
        log.warn(
          { event: "shared_value_local_fallback", key: key.split(":")[0], detail: e.message },
          "shared state unavailable: using this instance's own cached value",
        );
        const local = this.#localValues.get(key);
        if (local && local.until > Date.now()) return local.value as T;
        const value = await fetcher();
        this.#localValues.set(key, { value, until: Date.now() + ttlOf(value) });
        return value;
      }
    })().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, work);
    return work;
  }

  /**
   * Drop a shared value, but only if it is still `stale` (compare-and-delete): an instance that
   * saw the value fail must not delete the fresh one another instance just stored.
   */
  async dropSharedValue<T>(key: string, stale: T): Promise<void> {
    const local = this.#localValues.get(key);
    if (local && JSON.stringify(local.value) === JSON.stringify(stale)) this.#localValues.delete(key);
    try {
      const stored = this.keyFor(key);
      const sealed = await this.backend.get(stored);
      const current = this.open<T>(stored, sealed);
      if (sealed !== null && JSON.stringify(current) === JSON.stringify(stale)) {
        await this.backend.delIfEquals(stored, sealed);
      }
    } catch (e) {
      if (!isSharedStateUnavailable(e)) throw e;
    }
  }
}
