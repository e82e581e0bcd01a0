import "server-only";

import { log } from "../log";
import { isSharedStateUnavailable } from "./errors";
import type { SharedState } from "./store";

export type PacedPollOptions<T> = {
  /** At most one upstream call per login per this many ms, across every instance. */
  intervalMs: number;
  /** How long a final answer is repeated to later polls (until the browser surely has it). */
  finalTtlMs: number;
  /** The answer ends the login (approved, declined, …): keep it for every later poll. */
  isFinal: (answer: T) => boolean;
  /** The provider no longer knows the login (it handed its tokens out already): look for a final answer. */
  isGone?: (answer: T) => boolean;
  /** The provider asked us to slow down: hold the pace this long. */
  slowDownMs?: (answer: T) => number | undefined;
  /** Upper bound of one upstream call; a poll that finds the login gone waits this long for a final answer. */
  callTimeoutMs?: number;
};

export type PacedPoll<T> =
  | { kind: "answer"; answer: T; from: "upstream" | "final" }
  /**
   * Another poll (on any instance) asked the provider within the interval: answer "pending",
   * or `last`, the latest not-final answer (kept for one interval), when there is one.
   */
  | { kind: "paced"; last?: T; nextCallInMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One status poll of a device login (QR, CIBA, headless BankID) through the shared state:
 *  1. a final answer another poll already heard is repeated, so a second tab, a retried
 *     request or a lost response never turns an approval into "expired";
 *  2. otherwise only the poll that wins the pace asks the provider (SET NX PX interval);
 *  3. a final answer is stored *before* it is returned;
 *  4. a poll told "gone" (tokens already handed out) waits while another call is in flight and
 *     answers that call's final answer.
 * Throws SharedStateUnavailable when the store cannot answer: the poll is then refused (503)
 * without asking the provider, so no approval is consumed that no instance could keep.
 */
export async function pacedPoll<T>(
  state: SharedState,
  login: string,
  opts: PacedPollOptions<T>,
  ask: () => Promise<T>,
): Promise<PacedPoll<T>> {
  const finalKey = `poll-final:${login}`;
  const askingKey = `poll-asking:${login}`;
  const lastKey = `poll-last:${login}`;
  const paceKey = `poll-pace:${login}`;
  // Both at once (one round trip to Redis, not two): winning the pace while a final answer is
  // already known only holds back an upstream call nobody will make.
  const [known, mayAsk] = await Promise.all([
    state.recall<T>(finalKey),
    state.tryPace(paceKey, opts.intervalMs),
  ]);
  if (known !== undefined) return { kind: "answer", answer: known, from: "final" };
  if (!mayAsk) {
    // When the pace lets the next poll ask: a page that polls then, rather than a whole interval
    // later, sees an approval at the next upstream call (docs/performance.md).
    const [nextCallInMs, last] = await Promise.all([
      state.paceLeftMs(paceKey, opts.intervalMs),
      state.recall<T>(lastKey),
    ]);
    return last === undefined ? { kind: "paced", nextCallInMs } : { kind: "paced", last, nextCallInMs };
  }

  const callTimeoutMs = opts.callTimeoutMs ?? 15_000;
  const asking = await state.mark(askingKey, callTimeoutMs);
  let answer: T;
  try {
    answer = await ask();
    const gone = opts.isGone?.(answer) ?? false;
    // The provider has answered for good: if the store fails now, this browser still gets it.
    if (!gone && opts.isFinal(answer)) {
      await state.remember(finalKey, answer, opts.finalTtlMs).catch((e: unknown) => {
        if (!isSharedStateUnavailable(e)) throw e;
        log.error({ event: "final_answer_not_stored", detail: e.message }, "final answer not shared");
      });
    } else if (!gone) {
      await state.remember(lastKey, answer, opts.intervalMs);
    }
  } finally {
    await state.unmark(askingKey, asking).catch(() => undefined);
  }

  if (opts.isGone?.(answer)) {
    // The tokens went to another call: if it is still running, its answer is coming.
    const deadline = Date.now() + callTimeoutMs;
    for (;;) {
      const final = await state.recall<T>(finalKey);
      if (final !== undefined) return { kind: "answer", answer: final, from: "final" };
      if (Date.now() >= deadline || !(await state.isMarked(askingKey))) break;
      await sleep(100);
    }
  }
  const slow = opts.slowDownMs?.(answer);
  if (slow) await state.holdPace(paceKey, slow);
  return { kind: "answer", answer, from: "upstream" };
}
