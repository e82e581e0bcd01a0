import { Hono } from "hono";
import { z } from "zod";
import { sandboxError } from "../shared/errors";
import { misbehaviourRoutes } from "../shared/misbehaviour";
import { secretsEqual } from "../shared/secrets";
import { tokenIdSchema, scopeNameSchema } from "./operator-api";
import { IDTOKEN_SANDBOX_PIN } from "./personas";
import { DOCUMENTED_REJECT_REASONS, type IdtState } from "./state";
import { controlJson } from "../shared/validate";
import { verify } from "./verify";

/** Without a service or token id, every session goes. */
const resetSchema = z.strictObject({
  service_id: z.string().min(1).max(200).optional(),
  token_id: tokenIdSchema.optional(),
});

/**
 * The phone's answer given by a test: to the request showing this one-time code (as a person
 * compares the codes), or to the token's latest; optionally granting only some scopes.
 */
const answerSchema = z.strictObject({
  otp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  scopes: z.array(scopeNameSchema).min(1).max(20).optional(),
});

/** A rejection: the holder's decline, or one of the operator's documented verification failures. */
const rejectSchema = z.strictObject({
  otp: answerSchema.shape.otp,
  reason: z.enum(DOCUMENTED_REJECT_REASONS).optional(),
});

/** Whether a service's JWTs name the session they answer, and under which claim (null: none). */
const sessionClaimSchema = z.strictObject({
  service_id: z.string().min(1).max(200),
  claim: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .nullable(),
});

/** Test controls: answer or expire a token's login, reset, the session claim, misbehaviour, issued. */
export function controlRoutes(state: IdtState): Hono {
  const routes = new Hono();

  const pendingFor = (tokenId: string, otp: string | undefined) =>
    otp
      ? [...state.pendingSessions()].find((s) => s.tokenId === tokenId && secretsEqual(s.autoPassword, otp))
      : state.latestPending(tokenId);

  routes.post("/control/tokens/:tokenId/expire", (c) => {
    const tokenId = c.req.param("tokenId");
    let expired = 0;
    for (const session of state.pendingSessions()) {
      if (session.tokenId !== tokenId) continue;
      state.expire(session);
      expired += 1;
    }
    if (expired === 0) return sandboxError(c, 404, "not_found", "no pending session for this token");
    return c.json({ ok: true, status: "expired", expired });
  });

  routes.post(
    "/control/tokens/:tokenId/approve",
    controlJson(answerSchema, 'expected JSON {"otp"?: "123456", "scopes"?: […]}'),
    async (c) => {
      const tokenId = c.req.param("tokenId");
      const { otp, scopes } = c.req.valid("json");
      const session = pendingFor(tokenId, otp);
      if (!session) return sandboxError(c, 404, "not_found", "no pending session for this token");
      const result = await verify(state, {
        sessionId: session.sessionId,
        tokenId,
        autoPassword: session.autoPassword,
        decision: "approve",
        grantedScopes: scopes,
        pin: IDTOKEN_SANDBOX_PIN,
      });
      if (!result.ok) return sandboxError(c, result.status, result.error, result.message);
      return c.json({ ok: true, status: result.status });
    },
  );

  routes.post(
    "/control/tokens/:tokenId/reject",
    controlJson(
      rejectSchema,
      'expected JSON {"otp"?: "123456", "reason"?: "Invalid signature" | "Invalid OTP" | "Too many attempts"}',
    ),
    async (c) => {
      const tokenId = c.req.param("tokenId");
      const { otp, reason } = c.req.valid("json");
      const session = pendingFor(tokenId, otp);
      if (!session) return sandboxError(c, 404, "not_found", "no pending session for this token");
      if (reason) state.finish(session, { type: "rejected", reason });
      else
        await verify(state, {
          sessionId: session.sessionId,
          tokenId,
          autoPassword: session.autoPassword,
          decision: "reject",
        });
      return c.json({ ok: true, status: "rejected" });
    },
  );

  routes.post(
    "/control/reset",
    controlJson(resetSchema, 'expected JSON {"service_id"?: "…", "token_id"?: "…"}'),
    (c) => {
      const { service_id, token_id } = c.req.valid("json");
      // Optionally one service's or one token's sessions only, so one test suite does not end another's logins.
      state.reset({ serviceId: service_id, tokenId: token_id });
      return c.json({ ok: true, status: "reset" });
    },
  );

  routes.get("/control/session-claim", (c) => c.json({ services: Object.fromEntries(state.sessionClaims) }));
  routes.post(
    "/control/session-claim",
    controlJson(sessionClaimSchema, 'expected JSON {"service_id": "…", "claim": "sid" | null}'),
    (c) => {
      const { service_id, claim } = c.req.valid("json");
      if (!state.settings.serviceIds.includes(service_id))
        return sandboxError(c, 404, "unknown_service", "this serviceId is not registered");
      if (claim) state.sessionClaims.set(service_id, claim);
      else state.sessionClaims.delete(service_id);
      return c.json({ ok: true, service_id, claim });
    },
  );

  routes.route("/", misbehaviourRoutes(state.misbehaviour));
  routes.route("/", state.issued.routes());
  return routes;
}
