import type { Context } from "hono";
import { Hono } from "hono";
import { serviceName } from "../shared/client-names";
import { z } from "zod";
import { t } from "../shared/i18n";
import { sendPage } from "../shared/layout";
import { idTokenMessagePage, phoneRequestPage } from "./pages";
import { findIdtPersona } from "./personas";
import { MAX_VERIFY_ATTEMPTS, type IdtSession, type IdtState } from "./state";
import { verify } from "./verify";

const phoneFormSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  pin: z.string().max(16).optional(),
  scope: z.array(z.string().max(64)).max(20).default([]),
});

const phoneQuerySchema = z.object({ service: z.string().min(1).max(64).optional() });

/** The holder's phone app: the push notification as a page, approve (with the PIN) or reject. */
export function phoneAppRoutes(state: IdtState, prefix: string): Hono {
  const routes = new Hono();

  const phonePage = (
    c: Context,
    tokenId: string,
    session: IdtSession,
    error?: string,
    status: 200 | 400 | 401 = 200,
  ) =>
    sendPage(
      c,
      phoneRequestPage({
        action: `${prefix}/app/${encodeURIComponent(tokenId)}/sessions/${session.sessionId}`,
        holder: findIdtPersona(tokenId)?.label ?? tokenId,
        service: serviceName(state.settings.clientNames, session.serviceId),
        session,
        attemptsLeft: MAX_VERIFY_ATTEMPTS - session.failedAttempts,
        now: state.now(),
        error,
      }),
      status,
    );

  // `?service=`: the latest request of one service only, for a phone that two portals (or two
  // test files) ask at once (docs/sandbox.md).
  routes.get("/app/:tokenId", (c) => {
    const tokenId = c.req.param("tokenId");
    const query = phoneQuerySchema.safeParse({ service: c.req.query("service") });
    if (!query.success) {
      return sendPage(
        c,
        idTokenMessagePage(t("idtoken.notFound.heading"), t("idtoken.notFound.message")),
        400,
      );
    }
    const session = state.latestPending(tokenId, query.data.service);
    if (!session) {
      return sendPage(c, idTokenMessagePage(t("idtoken.none.heading"), t("idtoken.none.message")));
    }
    return phonePage(c, tokenId, session);
  });

  routes.post("/app/:tokenId/sessions/:sessionId", async (c) => {
    const tokenId = c.req.param("tokenId");
    const form = await c.req.parseBody({ all: true }).catch(() => ({}));
    const scopes = (form as Record<string, unknown>).scope;
    const parsed = phoneFormSchema.safeParse({
      ...form,
      scope: scopes === undefined ? [] : Array.isArray(scopes) ? scopes : [scopes],
    });
    const session = state.sessions.get(c.req.param("sessionId"));
    if (!session || session.tokenId !== tokenId) {
      return sendPage(
        c,
        idTokenMessagePage(t("idtoken.notFound.heading"), t("idtoken.notFound.message")),
        404,
      );
    }
    if (!parsed.success) return phonePage(c, tokenId, session, t("idtoken.phone.chooseApproveOrReject"), 400);
    const result = await verify(state, {
      sessionId: session.sessionId,
      tokenId,
      // The app sends the OTP it was pushed; the user compared it with the browser's by eye.
      autoPassword: session.autoPassword,
      decision: parsed.data.decision,
      grantedScopes: parsed.data.scope,
      pin: parsed.data.pin,
    });
    if (result.ok) {
      return result.status === "approved"
        ? sendPage(
            c,
            idTokenMessagePage(t("idtoken.result.approved"), t("idtoken.result.returnToComputer"), "ok"),
          )
        : sendPage(c, idTokenMessagePage(t("idtoken.result.rejected"), t("idtoken.result.nobodyLoggedIn")));
    }
    switch (result.error) {
      case "verification_failed":
        return phonePage(
          c,
          tokenId,
          session,
          `${t("idtoken.phone.wrongPin")} ${t("idtoken.attemptsLeft", { left: result.attemptsLeft ?? 0 })}`,
          401,
        );
      case "invalid_scope":
        return phonePage(c, tokenId, session, t("idtoken.phone.chooseScope"), 400);
      case "too_many_attempts":
        return sendPage(
          c,
          idTokenMessagePage(t("idtoken.tooMany.heading"), t("idtoken.tooMany.message"), "alert"),
          403,
        );
      case "expired":
        return sendPage(
          c,
          idTokenMessagePage(t("idtoken.expired.heading"), t("idtoken.expired.message")),
          410,
        );
      default:
        return sendPage(
          c,
          idTokenMessagePage(t("idtoken.answered.heading"), t("idtoken.answered.message")),
          409,
        );
    }
  });

  return routes;
}
