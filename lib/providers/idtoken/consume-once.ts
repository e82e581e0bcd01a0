import "server-only";

import { getSharedState } from "@/lib/state";

/**
 * Single use of what an IDToken login hands the portal. Without a session claim the operator's
 * JWT is a bearer credential for any pending login (docs/providers/idtoken.md, "Single use"),
 * so each JWT, each pending session and each approved sign-in is taken once.
 *
 * `consumeOnce(key, ttlSeconds)` answers true the first time a key is offered within its time to
 * live and false after that, on every instance: it is the shared store's atomic `SET NX`
 * (lib/state, docs/production.md). It throws SharedStateUnavailable when the store cannot
 * answer; callers refuse then, so a single use never silently becomes a second one.
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

/** The shared store (Redis with REDIS_URL, else this process's memory). */
const sharedConsumeOnce: ConsumeOnce = (key, ttlSeconds) =>
  getSharedState().consumeOnce(key, Math.max(1, ttlSeconds) * 1000);

let current: ConsumeOnce = sharedConsumeOnce;

export function consumeOnce(key: string, ttlSeconds: number): Promise<boolean> {
  return current(key, ttlSeconds);
}

/** For tests: another implementation (e.g. `memoryConsumeOnce` with a fake clock). */
export function useConsumeOnce(implementation: ConsumeOnce): void {
  current = implementation;
}
