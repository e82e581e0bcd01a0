import "server-only";

import { z } from "zod";

import { ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";

import type { IdtConfig } from "./descriptor";
import type { IdtLoginState } from "./login-state";

/**
 * The answer of `POST /auth/initiate` (docs/providers/idtoken.md): `sessionId, autoPassword,
 * wsToken, expiresAt`, and `random` when the operator hands it out as its flow diagram shows.
 */
export const idtInitiateAnswerSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  // Six digits; "may be partially masked" (documented for otp_ready), so masked digits pass too.
  autoPassword: z.string().regex(/^[0-9*]{6}$/),
  wsToken: z.string().regex(/^[A-Za-z0-9._~-]{1,512}$/),
  expiresAt: z.iso.datetime({ offset: true }),
  random: z
    .string()
    .regex(/^[A-Za-z0-9._~+/=-]{1,256}$/)
    .optional(),
});

/** The operator refused the token id itself (unknown or revoked): the person can correct it. */
export class IdtUnknownTokenError extends Error {
  constructor() {
    super("the operator does not know this token id");
    this.name = "IdtUnknownTokenError";
  }
}

export type IdtStartedLogin = {
  state: Extract<IdtLoginState, { phase: "pending" }>;
  autoPassword: string;
  socketUrl: string;
  expiresAt: number;
};

/**
 * POST /auth/initiate. The OTP and the socket URL are for the page; the session id, token id
 * and `random` go into this browser's sealed cookie, against which the approval is checked.
 */
export async function initiateIdtLogin(cfg: IdtConfig, tokenId: string): Promise<IdtStartedLogin> {
  const res = await providerFetch(`${cfg.operatorUrl}/auth/initiate`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ tokenId, serviceId: cfg.serviceId, scopes: cfg.scopes }),
  });
  const body = await readJson(res);
  // The answer for an unknown or revoked enrolment is not documented: any 404 is taken as that.
  if (res.status === 404) throw new IdtUnknownTokenError();
  if (!res.ok) throw new ProviderError("provider_error", `initiate answered ${res.status}`);
  const parsed = idtInitiateAnswerSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("provider_error", "initiate answer is malformed");
  const { sessionId, autoPassword, wsToken, random } = parsed.data;
  const expiresAt = Date.parse(parsed.data.expiresAt);
  const socketUrl = `${cfg.wsUrl}/ws/session/${encodeURIComponent(sessionId)}?${new URLSearchParams({ token: wsToken })}`;
  return {
    state: { phase: "pending", sessionId, tokenId, ...(random ? { random } : {}), expiresAt },
    autoPassword,
    socketUrl,
    expiresAt,
  };
}
