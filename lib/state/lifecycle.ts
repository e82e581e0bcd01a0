import "server-only";

import { log } from "../log";

/**
 * Graceful shutdown. On SIGTERM the instance stops taking new logins (starts answer 503
 * `shutting_down`, /api/ready answers 503 so the load balancer stops sending) but keeps
 * answering the polls and completions of logins already running, for SHUTDOWN_DRAIN_SECONDS
 * and until none is in flight, then exits. Kept on globalThis: every copy of this module in
 * the server sees the same flag.
 */
const LIFE = Symbol.for("rmi.lifecycle");
type Life = { draining: boolean; inFlight: number; installed: boolean };
type WithLife = typeof globalThis & { [LIFE]?: Life };

function life(): Life {
  const g = globalThis as WithLife;
  return (g[LIFE] ??= { draining: false, inFlight: 0, installed: false });
}

export function isDraining(): boolean {
  return life().draining;
}

/** Counts a request that talks to a provider, so the drain waits for it. */
export async function trackInFlight<T>(work: () => Promise<T>): Promise<T> {
  const l = life();
  l.inFlight++;
  try {
    return await work();
  } finally {
    l.inFlight--;
  }
}

/**
 * Next.js's own SIGTERM handler closes the listener at once (running requests still finish);
 * with NEXT_MANUAL_SIG_HANDLE=true it leaves the signal to us and we drain first.
 */
export function installGracefulShutdown(drainSeconds: number, exit: (code: number) => void = process.exit) {
  const l = life();
  if (l.installed) return;
  l.installed = true;
  const manual = Boolean(process.env.NEXT_MANUAL_SIG_HANDLE);
  const onSignal = (signal: NodeJS.Signals) => {
    if (l.draining) return;
    l.draining = true;
    log.info(
      { event: "shutdown_draining", signal, drainSeconds: manual ? drainSeconds : 0, inFlight: l.inFlight },
      "shutting down: no new logins; running ones are answered until the drain ends",
    );
    if (!manual) return;
    const started = Date.now();
    const hardLimit = started + (drainSeconds + 30) * 1000;
    const timer = setInterval(() => {
      const drained = Date.now() - started >= drainSeconds * 1000 && l.inFlight === 0;
      if (drained || Date.now() >= hardLimit) {
        clearInterval(timer);
        log.info({ event: "shutdown_done", inFlight: l.inFlight }, "drained; exiting");
        exit(0);
      }
    }, 100);
  };
  process.on("SIGTERM", onSignal);
  if (manual) process.on("SIGINT", onSignal);
}
