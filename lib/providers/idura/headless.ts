import "server-only";

import { isIP } from "node:net";

import { z } from "zod";

import { sealedCookie } from "@/lib/sealed-cookie";
import { getSharedState, type SharedState } from "@/lib/state";
import { digestOf } from "@/lib/state/digest";
import { pacedPoll } from "@/lib/state/paced-poll";

import { pollHeadless, startHeadless, type BackchannelPoll, type IduraClient } from "./backchannel";

/**
 * The headless request id while pending, the ID token once approved: both only in this
 * browser's encrypted httpOnly cookie. While pending it also keeps Idura's last answer (the QR
 * data and hint) and the upstream pace, so the page can ask every second while Idura is asked
 * only every `IDURA_HEADLESS_POLL_SECONDS` (docs/providers/idura.md, "Headless").
 */
export const headlessCookie = sealedCookie(
  "idura-bankid",
  "idura-bankid",
  z.discriminatedUnion("phase", [
    z.object({
      phase: z.literal("pending"),
      headlessReqId: z.string(),
      expiresAt: z.number(),
      intervalSeconds: z.number().default(5),
      nextPollAt: z.number().default(0),
      qrData: z.string().optional(),
      hintCode: z.string().optional(),
    }),
    z.object({
      phase: z.literal("approved"),
      /** The headless request this approval ended, for single use at sign-in (./bankid.ts). */
      loginId: z.string().optional(),
      idToken: z.string(),
      expiresAt: z.number(),
    }),
  ]),
);

export type HeadlessState = NonNullable<Awaited<ReturnType<typeof headlessCookie.open>>>;
type PendingState = Extract<HeadlessState, { phase: "pending" }>;

export type HeadlessConfig = IduraClient & {
  headlessAcr: string;
  headlessPollSeconds: number;
  bankIdAppUrl: string;
};

/**
 * "Open BankID on this device": BankID's app link with the order's autostart token, and
 * `redirect=null` so the app returns to the browser it came from (docs/providers/idura.md).
 */
export function bankIdAppLink(cfg: Pick<HeadlessConfig, "bankIdAppUrl">, autoStartToken: string): string {
  const url = new URL(cfg.bankIdAppUrl);
  url.searchParams.set("autostarttoken", autoStartToken);
  url.searchParams.set("redirect", "null");
  return url.toString();
}

/**
 * Starts a headless BankID login with the documented acr and the browser's address as BankID's
 * `end_user_ip`, when the portal knows one (docs/providers/idura.md).
 */
export async function beginHeadless(cfg: HeadlessConfig, address: string, now = Date.now()) {
  const started = await startHeadless(cfg, {
    acr: cfg.headlessAcr,
    ...(isIP(address) ? { endUserIp: address } : {}),
  });
  const state: PendingState = {
    phase: "pending",
    headlessReqId: started.headlessReqId,
    expiresAt: started.expiresAt,
    intervalSeconds: cfg.headlessPollSeconds,
    nextPollAt: now + cfg.headlessPollSeconds * 1000,
    qrData: started.qrData,
  };
  const appLink = started.autoStartToken ? bankIdAppLink(cfg, started.autoStartToken) : undefined;
  return { state, appLink };
}

export type HeadlessStep =
  | { status: "pending"; qrData?: string; hintCode?: string; next?: PendingState }
  | { status: "approved"; next?: HeadlessState }
  | { status: "cancelled" | "expired"; next?: undefined }
  /** Idura's approval could not be trusted (./backchannel.ts): nobody logs in; `error` names the check. */
  | { status: "refused"; reason: "id_token_invalid"; error: Error; next?: undefined };

/** One upstream answer as the shared store keeps it (the approval's ID token sealed). */
type HeadlessAnswer =
  Exclude<BackchannelPoll, { status: "slow_down" }> | { status: "pending"; slowDown: true };

/** The final answer is repeated this long to later polls (a second tab, a lost answer). */
const FINAL_ANSWER_MS = 60_000;

/**
 * One status request of the page. Idura is asked at most once per `intervalSeconds` for the
 * login, by one poll on one instance (the shared store, lib/state/paced-poll.ts); between
 * upstream polls the last pending answer is repeated, and a final answer (the approval) is
 * kept for every later poll, so a second tab or a lost answer does not lose the login.
 * `slow_down` adds 5 s to the upstream interval. `next` is the cookie to write, when it
 * changed. Throws SharedStateUnavailable when the shared store cannot answer.
 */
export async function headlessStep(
  cfg: IduraClient,
  state: HeadlessState,
  now = Date.now(),
  store: SharedState = getSharedState(),
): Promise<HeadlessStep> {
  if (state.phase === "approved") return { status: "approved" };
  if (state.expiresAt <= now) return { status: "expired" };
  const cached = (s: { qrData?: string; hintCode?: string }, next?: PendingState): HeadlessStep => ({
    status: "pending",
    ...(s.qrData ? { qrData: s.qrData } : {}),
    ...(s.hintCode ? { hintCode: s.hintCode } : {}),
    ...(next ? { next } : {}),
  });
  if (now < state.nextPollAt) return cached(state);
  const polled = await pacedPoll<HeadlessAnswer>(
    store,
    `idura-headless:${state.headlessReqId}`,
    {
      // The cookie's nextPollAt paces each browser; the shared mark, across tabs and instances,
      // expires a little early so the next timely poll of the page still finds it gone.
      intervalMs: state.intervalSeconds * 1000 * 0.9,
      finalTtlMs: FINAL_ANSWER_MS,
      isFinal: (a) => a.status !== "pending",
      slowDownMs: (a) =>
        a.status === "pending" && "slowDown" in a ? (state.intervalSeconds + 5) * 1000 * 0.9 : undefined,
    },
    async () => {
      const outcome = await pollHeadless(cfg, state.headlessReqId);
      return outcome.status === "slow_down" ? { status: "pending", slowDown: true } : outcome;
    },
  );
  // Another poll asked meanwhile: its answer (the newer QR data) when there is one.
  if (polled.kind === "paced") {
    const last = polled.last;
    return last?.status === "pending" && !("slowDown" in last) ? cached(last) : cached(state);
  }
  const outcome = polled.answer;
  switch (outcome.status) {
    case "pending": {
      if ("slowDown" in outcome) {
        const intervalSeconds = state.intervalSeconds + 5;
        const next: PendingState = { ...state, intervalSeconds, nextPollAt: now + intervalSeconds * 1000 };
        return cached(next, next);
      }
      const next: PendingState = {
        ...state,
        qrData: outcome.qrData,
        hintCode: outcome.hintCode,
        nextPollAt: now + state.intervalSeconds * 1000,
      };
      return cached(next, next);
    }
    case "approved":
      return {
        status: "approved",
        next: {
          phase: "approved",
          loginId: digestOf(state.headlessReqId),
          idToken: outcome.idToken,
          expiresAt: now + 60_000,
        },
      };
    case "denied":
      return { status: "cancelled" };
    case "expired":
      return { status: "expired" };
    case "refused":
      return {
        status: "refused",
        reason: outcome.reason,
        error: Object.assign(new Error(outcome.check), { name: "IdTokenError" }),
      };
  }
}
