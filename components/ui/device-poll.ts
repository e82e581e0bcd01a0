"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

import { ApiError, fetchJson } from "./fetch-json";

/** After a failed poll that says nothing about when to ask again (a 502, the network). */
const ERROR_RETRY_MS = 2000;

export type DevicePollOptions<T> = {
  /**
   * The pace the server asked for in its latest answer: milliseconds from the start of one poll
   * to the start of the next. Measured from the start, so the page asks in step with the portal's
   * own pace upstream (an approval is seen at the next upstream poll, not one round trip later).
   */
  intervalMs: (answer: T) => number;
  /** Every answer; the page decides from it whether the login has ended (then `run` goes null). */
  onAnswer: (answer: T) => void;
  /** A 4xx other than 429: this browser has no login any more, so polling stops. */
  onGone: (error: ApiError) => void;
};

/**
 * The device-login pages' poll (QR, BankID, the agent's CIBA page): GET `url` at once and then at
 * the server's pace while `run` is not null (a new run starts over), one request at a time, paused
 * while the tab is hidden and resumed at once when it shows again. A 429 or a 503 (the portal's
 * shared state briefly unavailable, `state_unavailable`) is waited out as its `Retry-After` says
 * and the poll goes on; a 5xx or a network failure is tried again after 2 s. `error` is the
 * latest failure until an answer arrives, for a "still trying" note.
 */
export function useDevicePoll<T>(
  url: string,
  run: number | null,
  options: DevicePollOptions<T>,
): { error: ApiError | TypeError | undefined; settled: () => Promise<void> } {
  const [error, setError] = useState<ApiError | TypeError>();
  const latest = useRef(options);
  const pending = useRef<Promise<unknown> | null>(null);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    if (run === null) return;
    let stopped = false;
    let inFlight = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hidden = () => document.visibilityState === "hidden";
    const at = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(tick, Math.max(0, ms));
    };
    async function tick() {
      if (stopped || inFlight || hidden()) return;
      inFlight = true;
      const startedAt = Date.now();
      try {
        const request = fetchJson<T>(url);
        pending.current = request;
        const answer = await request;
        if (stopped) return;
        setError(undefined);
        latest.current.onAnswer(answer);
        at(startedAt + latest.current.intervalMs(answer) - Date.now());
      } catch (e) {
        if (stopped) return;
        const failure = e instanceof ApiError ? e : new TypeError(String(e));
        setError(failure);
        if (failure instanceof ApiError && failure.status < 500 && failure.status !== 429) {
          latest.current.onGone(failure);
          return;
        }
        at((failure instanceof ApiError ? failure.retryAfterMs : undefined) ?? ERROR_RETRY_MS);
      } finally {
        inFlight = false;
        pending.current = null;
      }
    }
    const onVisibility = () => {
      if (!hidden()) void tick();
    };
    document.addEventListener("visibilitychange", onVisibility);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [url, run]);

  // A request still in flight when the page ends the login (the agent's cancel) could answer
  // after the cancel and put the ended login's cookie back: the page waits for it first.
  const settled = useCallback(async () => {
    while (pending.current) await pending.current.catch(() => undefined);
  }, []);

  return { error: run === null ? undefined : error, settled };
}

/**
 * Whole seconds until `expiresAt` (epoch ms, the server's absolute expiry from the start or
 * status answer), read from the clock at every render rather than from when the page mounted, so
 * a 60 s code never shows more than 60 s. Re-renders only when the number changes.
 */
export function useSecondsLeft(expiresAt: number | undefined): number | undefined {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (expiresAt === undefined) return () => undefined;
      const timer = setInterval(changed, 250);
      return () => clearInterval(timer);
    },
    [expiresAt],
  );
  const read = useCallback(
    () => (expiresAt === undefined ? undefined : Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000))),
    [expiresAt],
  );
  return useSyncExternalStore(subscribe, read, noSecondsOnServer);
}

const noSecondsOnServer = () => undefined;
