export type Clock = () => number;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * In-memory map whose entries vanish after their lifetime. Reads check expiry themselves, so the
 * sweep only reclaims memory; its timer is unref'd so it never keeps the process (or a test) alive.
 */
export class TtlStore<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #now: Clock;

  constructor(options: { now?: Clock; sweepIntervalMs?: number } = {}) {
    this.#now = options.now ?? Date.now;
    const timer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 30_000);
    timer.unref();
  }

  set(key: string, value: V, ttlMs: number): void {
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Reads and removes in one step: the basis of every single-use secret. */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.#entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** A snapshot of the keys, so callers may delete while they iterate. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  get size(): number {
    return this.#entries.size;
  }

  sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
  }
}
