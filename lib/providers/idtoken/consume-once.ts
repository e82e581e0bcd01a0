import "server-only";

/**
 * Single use of what an IDToken login hands the portal. Without a session claim the operator's
 * JWT is a bearer credential for any pending login (docs/providers/idtoken.md, "Single use"),
 * so each JWT, each pending session and each approved sign-in is taken once.
 *
 * `consumeOnce(key, ttlSeconds)` answers true the first time a key is offered within its time to
 * live and false after that. This implementation is per process; a deployment with several
 * instances swaps in a shared one (e.g. Redis `SET key 1 NX EX ttl`) with `useConsumeOnce`.
 */
export type ConsumeOnce = (key: string, ttlSeconds: number) => Promise<boolean>;

/** Keys with their expiry (epoch ms); swept on use, so the map holds only live keys for long. */
export function memoryConsumeOnce(now: () => number = Date.now): ConsumeOnce {
  const seen = new Map<string, number>();
  let nextSweep = 0;
  return async (key, ttlSeconds) => {
    const t = now();
    if (t >= nextSweep) {
      for (const [k, until] of seen) if (until <= t) seen.delete(k);
      nextSweep = t + 60_000;
    }
    const until = seen.get(key);
    if (until !== undefined && until > t) return false;
    seen.set(key, t + Math.max(1, ttlSeconds) * 1000);
    return true;
  };
}

let current: ConsumeOnce = memoryConsumeOnce();

export function consumeOnce(key: string, ttlSeconds: number): Promise<boolean> {
  return current(key, ttlSeconds);
}

/** For a shared store (several instances) and for tests. */
export function useConsumeOnce(implementation: ConsumeOnce): void {
  current = implementation;
}
