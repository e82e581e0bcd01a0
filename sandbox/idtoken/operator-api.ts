import { Hono } from "hono";
import { z } from "zod";
import { sandboxError } from "../shared/errors";
import { publishedKeys } from "../shared/misbehaviour";
import { findIdtPersona } from "./personas";
import { expandScopes, type AtomicScope } from "./scopes";
import type { IdtState } from "./state";
import { controlJson } from "../shared/validate";
import { verify } from "./verify";

export const tokenIdSchema = z.string().min(1).max(128);
export const scopeNameSchema = z.string().min(1).max(64);

const initiateSchema = z.strictObject({
  tokenId: tokenIdSchema,
  serviceId: z.string().min(1).max(200),
  scopes: z.array(scopeNameSchema).max(20).optional(),
});

/** What the phone app sends; `pin` stands in for the app's biometric-backed signature. */
const verifySchema = z.strictObject({
  sessionId: z.string().min(1).max(64),
  tokenId: tokenIdSchema,
  autoPassword: z.string().max(16),
  decision: z.enum(["approve", "reject"]),
  grantedScopes: z.array(scopeNameSchema).max(20).optional(),
  pin: z.string().max(16).optional(),
});

/** The operator's HTTP API: its keys, `/auth/initiate` (the relying party's) and `/auth/verify` (the app's). */
export function operatorApiRoutes(state: IdtState): Hono {
  const { settings } = state;
  const routes = new Hono();

  routes.get("/.well-known/jwks.json", (c) =>
    c.json({ keys: publishedKeys(state.misbehaviour, state.signingKey, state.rotatedKey) }, 200, {
      "Cache-Control": "public, max-age=3600",
    }),
  );

  routes.post(
    "/auth/initiate",
    controlJson(initiateSchema, "expected JSON {tokenId, serviceId, scopes[]}"),
    (c) => {
      const { tokenId, serviceId, scopes } = c.req.valid("json");
      if (!settings.serviceIds.includes(serviceId))
        return sandboxError(c, 403, "unknown_service", "this serviceId is not registered");
      const requested = expandScopes(scopes?.length ? scopes : settings.defaultScopes);
      if (!requested.ok) return sandboxError(c, 400, "invalid_scope", `unknown scope ${requested.unknown}`);
      const ceiling = expandScopes(settings.allowedScopes);
      const allowed = new Set<AtomicScope>(ceiling.ok ? ceiling.scopes : []);
      const beyond = requested.scopes.find((s) => !allowed.has(s));
      if (beyond)
        return sandboxError(c, 403, "scope_not_allowed", `${beyond} is beyond this service's allowed scopes`);
      // The operator checks that the enrolment exists; its answer when it does not is not
      // documented: a 404 is the sandbox's choice (docs/providers/idtoken.md).
      if (!findIdtPersona(tokenId)) return sandboxError(c, 404, "unknown_token", "no such tokenId");
      const session = state.start(tokenId, serviceId, requested.scopes);
      return c.json(
        {
          sessionId: session.sessionId,
          autoPassword: session.autoPassword,
          wsToken: session.wsToken,
          expiresAt: new Date(session.expiresAt).toISOString(),
          // The initiation's nonce, as the operator's flow diagram hands it out.
          random: session.random,
        },
        200,
        { "Cache-Control": "no-store" },
      );
    },
  );

  routes.post(
    "/auth/verify",
    controlJson(
      verifySchema,
      "expected JSON {sessionId, tokenId, autoPassword, decision, grantedScopes?, pin?}",
    ),
    async (c) => {
      const result = await verify(state, c.req.valid("json"));
      if (result.ok) return c.json({ ok: true, status: result.status });
      return c.json(
        {
          error: result.error,
          message: result.message,
          ...(result.attemptsLeft !== undefined ? { attemptsLeft: result.attemptsLeft } : {}),
        },
        result.status,
        { "Cache-Control": "no-store" },
      );
    },
  );

  return routes;
}
