import "server-only";

import { randomInt } from "node:crypto";
import { z } from "zod";

import { IdTokenError, verifyProviderIdToken } from "@/lib/oidc/id-token";
import { sealedCookie } from "@/lib/sealed-cookie";
import { getSharedState, type SharedState } from "@/lib/state";
import { consumeOnce } from "@/lib/state/logins";
import { pacedPoll } from "@/lib/state/paced-poll";

import { cibaEid, pollCiba, startCiba, type IduraClient } from "./backchannel";
import { nordicEidIdentityFromClaims, NordicEidClaimsError, type NordicEid } from "./identity";

export { UnknownCustomerError } from "./backchannel";

/**
 * The call-centre agent's CIBA request, kept in an encrypted httpOnly cookie: the auth_req_id
 * and the pace. The customer's national id is not kept at all once the request is made.
 */
export const cibaCookie = sealedCookie(
  "idura-ciba",
  "idura-ciba",
  z.object({
    authReqId: z.string(),
    bindingMessage: z.string(),
    /** Norwegian BankID: the binding message is Idura's word pair, which the caller picks. */
    words: z.boolean().default(false),
    intervalSeconds: z.number(),
    initialIntervalSeconds: z.number(),
    nextPollAt: z.number(),
    expiresAt: z.number(),
    /** The agent who asked (lib/call-centre.ts `agentKey`); only they hear the answer. */
    agent: z.string().default(""),
  }),
);

export type CibaState = NonNullable<Awaited<ReturnType<typeof cibaCookie.open>>>;

/** Short and readable aloud: the agent reads it to the customer, who sees it in the app. */
export function newBindingMessage(): string {
  return `RMI-${randomInt(1000, 10_000)}`;
}

/** Swedish personnummer (12 digits) or Norwegian fødselsnummer (11); spaces and dashes dropped. */
export const nationalIdSchema = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[0-9]{11,12}$/, "Enter the 12-digit personnummer or the 11-digit fødselsnummer."));

export type CibaConfig = IduraClient & { cibaAcr: string; cibaCallInitiator: "RP" | "user" };

/**
 * Starts caller authentication with the eID the deployment uses for it (`IDURA_CIBA_ACR`), with
 * that eID's parameters (docs/providers/idura.md, "CIBA").
 */
export async function beginCiba(cfg: CibaConfig, nationalId: string, agent: string, now = Date.now()) {
  const started = await startCiba(cfg, {
    nationalId,
    acr: cfg.cibaAcr,
    bindingMessage: newBindingMessage(),
    callInitiator: cfg.cibaCallInitiator,
  });
  const state: CibaState = {
    authReqId: started.authReqId,
    bindingMessage: started.bindingMessage,
    words: cibaEid(cfg.cibaAcr) === "no-bankid",
    intervalSeconds: started.intervalSeconds,
    initialIntervalSeconds: started.intervalSeconds,
    nextPollAt: now + started.intervalSeconds * 1000,
    expiresAt: started.expiresAt,
    agent,
  };
  return state;
}

/** What the agent's page may know about a verified customer: no national id, no token. */
export type VerifiedCustomer = { name: string; birthdate?: string; eid: NordicEid };

export type CibaStep =
  | { status: "pending"; state: CibaState; polled: boolean }
  | { status: "approved"; customer: VerifiedCustomer }
  | { status: "denied" | "expired" }
  /** Idura's approval could not be trusted: nobody is confirmed (the reason and the check that failed). */
  | { status: "refused"; reason: "id_token_invalid" | "provider_error"; error: Error };

/** One upstream answer as the shared store keeps it (no token: the customer's name at most). */
type CibaAnswer =
  | { status: "pending"; slowDown: boolean }
  | { status: "approved"; customer: VerifiedCustomer }
  | { status: "denied" | "expired" }
  | { status: "refused"; reason: "id_token_invalid" | "provider_error"; check: string }
  /** The approval's ID token was taken by another poll already: its answer is the final one. */
  | { status: "gone" };

/** The final answer is repeated this long to later polls of the request (a second tab, a lost answer). */
const FINAL_ANSWER_MS = 60_000;

async function askIdura(cfg: IduraClient, state: CibaState): Promise<CibaAnswer> {
  // An approval refused by the shared poll (./backchannel.ts) is a final answer like any other.
  const outcome = await pollCiba(cfg, state.authReqId);
  if (outcome.status === "pending" || outcome.status === "slow_down")
    return { status: "pending", slowDown: outcome.status === "slow_down" };
  if (outcome.status === "refused") return outcome;
  if (outcome.status !== "approved") return { status: outcome.status };
  // Single use of the approval on every instance (lib/state/logins.ts).
  if (!(await consumeOnce("idura-ciba", state.authReqId, FINAL_ANSWER_MS * 2))) return { status: "gone" };
  try {
    const claims = await verifyProviderIdToken(cfg, outcome.idToken);
    const customer = nordicEidIdentityFromClaims(claims, "idura");
    return {
      status: "approved",
      customer: {
        name: customer.name,
        ...(customer.birthdate ? { birthdate: customer.birthdate } : {}),
        eid: customer.eid,
      },
    };
  } catch (e) {
    if (e instanceof IdTokenError) return { status: "refused", reason: "id_token_invalid", check: e.message };
    if (e instanceof NordicEidClaimsError)
      return { status: "refused", reason: "provider_error", check: e.message };
    throw e;
  }
}

/**
 * One status request of the agent's page. Idura is asked only when `interval` has passed since the
 * last poll (CIBA Core §7.3; the cookie's `nextPollAt`), by one poll on one instance per
 * interval (the shared store, lib/state/paced-poll.ts), and after `slow_down` the interval grows
 * by 5 s (§11). A final answer is kept for every later poll of the request, so a second tab or
 * a lost answer does not lose the confirmation. Throws ProviderError when Idura cannot be
 * reached, SharedStateUnavailable when the shared store cannot answer.
 */
export async function cibaStep(
  cfg: IduraClient,
  state: CibaState,
  now = Date.now(),
  store: SharedState = getSharedState(),
): Promise<CibaStep> {
  if (state.expiresAt <= now) return { status: "expired" };
  if (now < state.nextPollAt) return { status: "pending", state, polled: false };
  const polled = await pacedPoll<CibaAnswer>(
    store,
    `idura-ciba:${state.authReqId}`,
    {
      intervalMs: state.intervalSeconds * 1000,
      finalTtlMs: FINAL_ANSWER_MS,
      isFinal: (a) => a.status !== "pending",
      isGone: (a) => a.status === "gone",
      slowDownMs: (a) =>
        a.status === "pending" && a.slowDown ? (state.intervalSeconds + 5) * 1000 : undefined,
    },
    () => askIdura(cfg, state),
  );
  if (polled.kind === "paced") return { status: "pending", state, polled: false };
  const answer = polled.answer;
  switch (answer.status) {
    case "pending": {
      const intervalSeconds = state.intervalSeconds + (answer.slowDown ? 5 : 0);
      return {
        status: "pending",
        state: { ...state, intervalSeconds, nextPollAt: Date.now() + intervalSeconds * 1000 },
        polled: true,
      };
    }
    case "approved":
      return { status: "approved", customer: answer.customer };
    case "refused":
      return {
        status: "refused",
        reason: answer.reason,
        error: Object.assign(new Error(answer.check), {
          name: answer.reason === "id_token_invalid" ? "IdTokenError" : "NordicEidClaimsError",
        }),
      };
    case "gone":
      // Taken by a poll whose answer never arrived (it failed mid-way): the request is over.
      return { status: "expired" };
    default:
      return { status: answer.status };
  }
}
