import "server-only";

import { cookies } from "next/headers";
import { z } from "zod";

import { log } from "@/lib/log";
import { logRefusedLogin } from "@/lib/login-failure/classify";
import { providerNotEnabled, providerSettings } from "@/lib/providers/settings";
import { limitLoginStart, openCountedLogin } from "@/lib/rate-limit";
import { apiErrorText, jsonError, jsonOk, parseJsonBody, providerFailureResponse } from "@/lib/route-handler";
import { stateUnavailableResponse } from "@/lib/state/refusals";
import { consumeOnce } from "@/lib/state/logins";

import { IdtApprovalError, verifyIdtApproval } from "./approval";
import { IDTOKEN_ID } from "./descriptor";
import { tokenIdSchema } from "./input";
import { idtLoginCookie, REMEMBER_MAX_AGE_SECONDS, REMEMBERED_TOKEN_COOKIE } from "./login-state";
import { IdtUnknownTokenError, initiateIdtLogin } from "./operator";
import type { IdtCompleteResponse, IdtStartResponse } from "./page-protocol";

/** `POST /api/idtoken/start`: the token id typed, and whether to remember it. */
export const idtStartRequestSchema = z.strictObject({
  tokenId: tokenIdSchema,
  remember: z.boolean().default(false),
});

/** `POST /api/idtoken/complete`: what the operator pushed in `approved`, relayed by the page. */
export const idtCompleteRequestSchema = z.strictObject({
  jwt: z
    .string()
    .max(3600)
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, "expected a compact JWT"),
  hash: z.string().min(1).max(256).optional(),
  random: z.string().min(1).max(256).optional(),
});

/** Ask the operator for a session; the session id and token id stay in this browser's cookie. */
export async function startIdtLogin(req: Request): Promise<Response> {
  const input = await parseJsonBody(req, idtStartRequestSchema);
  if (!input.ok) return input.response;
  const limited = await limitLoginStart(req);
  if (limited) return limited;
  const cfg = providerSettings("idtoken");
  if (!cfg) return providerNotEnabled();

  const jar = await cookies();
  try {
    const { state, autoPassword, socketUrl, expiresAt } = await initiateIdtLogin(cfg, input.data.tokenId);
    const ttl = Math.max(1, Math.ceil((expiresAt - Date.now()) / 1000)) + 60;
    jar.set(
      idtLoginCookie.name(),
      await idtLoginCookie.seal({ ...state, expiresAt: state.expiresAt + 60_000 }),
      idtLoginCookie.options(ttl),
    );
    if (input.data.remember) {
      jar.set(REMEMBERED_TOKEN_COOKIE, input.data.tokenId, idtLoginCookie.options(REMEMBER_MAX_AGE_SECONDS));
    } else {
      jar.delete(REMEMBERED_TOKEN_COOKIE);
    }
    return jsonOk({ autoPassword, socketUrl, expiresAt } satisfies IdtStartResponse);
  } catch (e) {
    if (e instanceof IdtUnknownTokenError) {
      return jsonError(404, "unknown_token", await apiErrorText("unknownToken"));
    }
    return providerFailureResponse(e, {
      event: "idtoken_start_failed",
      message: { unreachable: "unreachableRetry", error: "unexpectedRetry" },
      provider: "IDToken",
    });
  }
}

/**
 * The page hands over the operator's approval. It is verified against the session this
 * browser's cookie says it started, and each JWT and each session is taken once, before it is
 * kept for the sign-in; a forged, foreign or replayed approval ends this browser's login.
 */
export async function completeIdtApproval(req: Request): Promise<Response> {
  const input = await parseJsonBody(req, idtCompleteRequestSchema);
  if (!input.ok) return input.response;
  const cfg = providerSettings("idtoken");
  if (!cfg) return providerNotEnabled();

  // Counted before any verification: a JWT naming an unknown key may make us fetch the keys.
  const login = await openCountedLogin(req, "complete", idtLoginCookie);
  if (login.limited) return login.limited;
  const { jar, name, state } = login;
  if (!state || state.phase !== "pending" || state.expiresAt <= Date.now()) {
    return jsonError(401, "no_login", await apiErrorText("noIdTokenLogin"));
  }
  const refuse = async (error: unknown) => {
    jar.delete(name);
    return jsonError(401, "jwt_invalid", await apiErrorText("idTokenJwtInvalid"), {
      ref: logRefusedLogin("id_token_invalid", { provider: IDTOKEN_ID, error }),
    });
  };
  let verified;
  try {
    verified = await verifyIdtApproval(cfg, input.data, state);
  } catch (e) {
    if (e instanceof IdtApprovalError) return refuse(e);
    return providerFailureResponse(e, { event: "idtoken_keys_failed", message: "idTokenKeysFailed" });
  }
  // Single use (docs/providers/idtoken.md): this session is answered once, and a JWT is good
  // for one login only, whichever pending login it is brought to.
  // On every instance (the shared store); without it, nothing is taken and nothing approved.
  const sessionTtlMs = Math.max(1000, state.expiresAt - Date.now());
  try {
    if (!(await consumeOnce("idt:session", state.sessionId, sessionTtlMs))) {
      // The same login's approval brought again (a replay, or a retried request): its own answer.
      jar.delete(name);
      log.warn(
        { event: "login_replayed", kind: "idtoken-complete" },
        "an IDToken approval was brought again",
      );
      return jsonError(409, "already_used", await apiErrorText("alreadyUsed"));
    }
    if (!(await consumeOnce("idt:jwt", input.data.jwt, verified.ttlSeconds * 1000)))
      return refuse(new IdtApprovalError("this JWT was used before"));
  } catch (e) {
    const unavailable = await stateUnavailableResponse(e, "idtoken/complete");
    if (unavailable) return unavailable;
    throw e;
  }

  const approved = {
    phase: "approved" as const,
    sessionId: state.sessionId,
    tokenId: state.tokenId,
    jwt: input.data.jwt,
    expiresAt: Date.now() + 60_000,
  };
  jar.set(name, await idtLoginCookie.seal(approved), idtLoginCookie.options(60));
  return jsonOk({ status: "approved" } satisfies IdtCompleteResponse);
}
