/**
 * What a shared-state backend must do: a handful of single-key commands that Redis ≥ 6.2 and
 * Valkey 7.2/8 both have (SET NX PX, SET PX, GET, DEL, GETDEL, and a compare-and-delete script).
 * Keys reach the backend already hashed and values already sealed (lib/state/store.ts).
 */
export interface StateBackend {
  readonly kind: "memory" | "redis" | "redis-cluster";
  /** SET key value NX PX ttl: true when this call created the key. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** SET key value PX ttl (overwrites). */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | null>;
  /** GETDEL: the value, and the key is gone for everyone else. */
  take(key: string): Promise<string | null>;
  del(key: string): Promise<void>;
  /** Delete only while the key still holds `value` (a lock or a value that proved stale). */
  delIfEquals(key: string, value: string): Promise<boolean>;
  /** Throws when the backend cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One process's memory: the single-instance store used without REDIS_URL. Bounded (oldest out
 * first) and swept, so a flood of logins cannot grow it without limit.
 */
export class MemoryBackend implements StateBackend {
  readonly kind = "memory" as const;
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  readonly #sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly maxEntries = 100_000) {
    this.#sweeper = setInterval(() => this.#sweep(), 30_000);
    this.#sweeper.unref();
  }

  #live(key: string): string | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.value;
  }

  #put(key: string, value: string, ttlMs: number) {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: Date.now() + Math.max(1, ttlMs) });
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  #sweep() {
    const now = Date.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number) {
    if (this.#live(key) !== null) return false;
    this.#put(key, value, ttlMs);
    return true;
  }
  async set(key: string, value: string, ttlMs: number) {
    this.#put(key, value, ttlMs);
  }
  async get(key: string) {
    return this.#live(key);
  }
  async take(key: string) {
    const value = this.#live(key);
    this.#entries.delete(key);
    return value;
  }
  async del(key: string) {
    this.#entries.delete(key);
  }
  async delIfEquals(key: string, value: string) {
    if (this.#live(key) !== value) return false;
    this.#entries.delete(key);
    return true;
  }
  async ping() {}
  async close() {
    clearInterval(this.#sweeper);
    this.#entries.clear();
  }
}
