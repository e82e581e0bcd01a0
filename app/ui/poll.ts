"use client";

import { useEffect, useRef, useState } from "react";

import type { ApiError } from "./fetch-json";

export type PollOptions<T> = {
  /** Milliseconds from one answer to the next request; read afresh each time. */
  refreshInterval: number;
  onSuccess?: (data: T) => void;
  onError?: (error: ApiError) => void;
  /** Whether a failed request is tried again (after `errorRetryInterval`); by default it is. */
  shouldRetryOnError?: boolean | ((error: ApiError) => boolean);
  errorRetryInterval?: number;
  /** Ask at once when the tab comes back into view, rather than at the next tick. */
  revalidateOnFocus?: boolean;
};

/**
 * Polls `fetcher` while `key` is not null: at once, then `refreshInterval` after each answer,
 * never two requests at a time, paused while the tab is hidden. A new key starts over. What the
 * pages used SWR for, in a few hundred bytes rather than a library (bench/js-size.ts counts them).
 */
export function usePoll<T, K extends readonly unknown[]>(
  key: K | null,
  fetcher: (key: K) => Promise<T>,
  options: PollOptions<T>,
): { data: T | undefined; error: ApiError | undefined } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const latest = useRef({ fetcher, options });
  useEffect(() => {
    latest.current = { fetcher, options };
  });
  const id = key === null ? null : JSON.stringify(key);

  useEffect(() => {
    if (id === null) return;
    const current = JSON.parse(id) as K;
    let stopped = false;
    let inFlight = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hidden = () => document.visibilityState === "hidden";
    const later = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(tick, ms);
    };
    async function tick() {
      if (stopped || inFlight || hidden()) return;
      inFlight = true;
      const { fetcher: fetchNow, options: now } = latest.current;
      try {
        const answer = await fetchNow(current);
        if (stopped) return;
        setData(answer);
        setError(undefined);
        latest.current.options.onSuccess?.(answer);
        later(latest.current.options.refreshInterval);
      } catch (e) {
        if (stopped) return;
        // As SWR did: what the fetcher threw, an ApiError or a network TypeError.
        const failure = e as ApiError;
        setError(failure);
        latest.current.options.onError?.(failure);
        const retry = now.shouldRetryOnError ?? true;
        if (typeof retry === "function" ? retry(failure) : retry) later(now.errorRetryInterval ?? 5000);
      } finally {
        inFlight = false;
      }
    }
    const onShown = () => {
      if (!hidden() && latest.current.options.revalidateOnFocus) void tick();
      else if (!hidden()) later(latest.current.options.refreshInterval);
    };
    document.addEventListener("visibilitychange", onShown);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onShown);
    };
  }, [id]);

  return { data, error };
}
