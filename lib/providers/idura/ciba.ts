import "server-only";

import { randomInt } from "node:crypto";
import { z } from "zod";

import { verifyProviderIdToken } from "@/lib/oidc/id-token";
import { sealedCookie } from "@/lib/sealed-cookie";

import { cibaEid, pollCiba, startCiba, type IduraClient } from "./backchannel";
import { nordicEidIdentityFromClaims, type NordicEid } from "./identity";

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
export async function beginCiba(cfg: CibaConfig, nationalId: string, now = Date.now()) {
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
  };
  return state;
}

/** What the agent's page may know about a verified customer: no national id, no token. */
export type VerifiedCustomer = { name: string; birthdate?: string; eid: NordicEid };

export type CibaStep =
  | { status: "pending"; state: CibaState; polled: boolean }
  | { status: "approved"; customer: VerifiedCustomer }
  | { status: "denied" | "expired" };

/**
 * One status request of the agent's page: Idura is asked only when `interval` has passed since the
 * last poll (CIBA Core §7.3), and after `slow_down` the interval grows by 5 s (§11). Throws
 * IdTokenError or NordicEidClaimsError when the approval's ID token cannot be trusted, and
 * ProviderError when Idura cannot be reached.
 */
export async function cibaStep(cfg: IduraClient, state: CibaState, now = Date.now()): Promise<CibaStep> {
  if (state.expiresAt <= now) return { status: "expired" };
  if (now < state.nextPollAt) return { status: "pending", state, polled: false };
  const outcome = await pollCiba(cfg, state.authReqId);
  if (outcome.status === "pending" || outcome.status === "slow_down") {
    const intervalSeconds = state.intervalSeconds + (outcome.status === "slow_down" ? 5 : 0);
    return {
      status: "pending",
      state: { ...state, intervalSeconds, nextPollAt: Date.now() + intervalSeconds * 1000 },
      polled: true,
    };
  }
  if (outcome.status !== "approved") return { status: outcome.status };
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
}
