import "server-only";

/**
 * Answers of a provider's endpoint (a discovery document, a key set) kept by key for `ttlMs`.
 * Callers that arrive together share one request; a failure is not kept, so the next caller
 * asks again.
 */
export function promiseCache<T>(ttlMs: number): (key: string, load: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key, load) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const entry = { at: Date.now(), value: load() };
    entries.set(key, entry);
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry.value;
  };
}
