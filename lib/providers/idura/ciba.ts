import "server-only";

import { randomInt } from "node:crypto";
import { z } from "zod";

import { sealedCookie } from "@/lib/sealed-cookie";

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
    intervalSeconds: z.number(),
    initialIntervalSeconds: z.number(),
    nextPollAt: z.number(),
    expiresAt: z.number(),
  }),
);

/** Short and readable aloud: the agent reads it to the customer, who sees it in the app. */
export function newBindingMessage(): string {
  return `RMI-${randomInt(1000, 10_000)}`;
}

/** Swedish personnummer (12 digits) or Norwegian fødselsnummer (11); spaces and dashes dropped. */
export const nationalIdSchema = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[0-9]{11,12}$/, "Enter the 12-digit personnummer or the 11-digit fødselsnummer."));
