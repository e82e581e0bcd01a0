import type { Context } from "hono";
import { Hono } from "hono";
import { serviceName } from "../shared/client-names";
import { z } from "zod";
import { oauthError, sandboxError } from "../shared/errors";
import { formParams, jsonBody, queryParams } from "../shared/forms";
import { sendPage } from "../shared/layout";
import { randomId } from "../shared/random";
import { DEFAULT_PERSONA_ID, findPersona, pinMatches, type Persona } from "./personas";
import { t } from "../shared/i18n";
import { messagePage, phoneApprovalPage, refusalMessage } from "./pages";
import { firstIssue, responseTypeSchema, scopeSchema } from "./params";
import type { DigidentityState, PasswordlessSession } from "./state";
import { grantedScope } from "./tokens";

/** What `authorize.json` takes (docs/providers/digidentity.md); other parameters are ignored. */
const startQuerySchema = z.object({
  response_type: responseTypeSchema,
  scope: scopeSchema,
});

const phoneFormSchema = z.object({
  action: z.enum(["approve", "decline"]),
  persona: z.string().max(100).optional(),
  pin: z.string().max(100).optional(),
});

const approveBodySchema = z.object({ persona: z.string().max(100).default(DEFAULT_PERSONA_ID) });

/** QR ids are 16 random bytes, base64url: 22 characters. */
const qrIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/**
 * The phone's answer to a pending login. Refusals happen here, at approval time, as Digidentity
 * refuses users without a valid authorisation before any token exists.
 */
function answer(
  state: DigidentityState,
  session: PasswordlessSession,
  reply: { approve: Persona } | { decline: true },
): PasswordlessSession["status"] {
  if ("decline" in reply) {
    session.status = "declined";
    return session.status;
  }
  const decision = state.ledger.authorise(reply.approve);
  if (decision.ok) {
    session.status = "approved";
    session.personaId = reply.approve.id;
    session.authTime = state.now();
  } else {
    session.status = "refused";
    session.reason = decision.reason;
  }
  return session.status;
}

function expiredPage(c: Context, why: "unknown" | "expired"): Response | Promise<Response> {
  return sendPage(
    c,
    messagePage(t("digidentity.qrExpired.heading"), t("digidentity.qrExpired.message")),
    why === "expired" ? 410 : 404,
  );
}

/** The phone's page right after it answered. */
function resultPage(c: Context, session: PasswordlessSession): Response | Promise<Response> {
  if (session.status === "approved") {
    return sendPage(
      c,
      messagePage(t("digidentity.result.approved"), t("digidentity.result.returnToComputer"), "ok"),
    );
  }
  if (session.status === "refused") {
    return sendPage(
      c,
      messagePage(
        t("digidentity.result.refused"),
        refusalMessage(session.reason ?? "authorisation_revoked"),
        "alert",
      ),
      403,
    );
  }
  return sendPage(c, messagePage(t("digidentity.result.declined"), t("digidentity.result.nobodyLoggedIn")));
}

/** A second look at (GET) or a second answer to (POST, 409) a login that was already answered. */
function alreadyAnsweredPage(
  c: Context,
  session: PasswordlessSession,
  status: 200 | 409,
): Response | Promise<Response> {
  const how =
    session.status === "declined"
      ? t("digidentity.answered.declined")
      : session.status === "refused"
        ? t("digidentity.answered.refused", {
            reason: refusalMessage(session.reason ?? "authorisation_revoked"),
          })
        : t("digidentity.answered.approved");
  return sendPage(
    c,
    messagePage(t("digidentity.answered.heading"), t("digidentity.answered.message", { how })),
    status,
  );
}

/**
 * Passwordless (QR) login: the backend start call, the phone-app page the QR opens, and the
 * sandbox-only control endpoints that stand in for the phone in demos and tests.
 */
export function passwordlessRoutes(state: DigidentityState): Hono {
  const app = new Hono();
  const { settings } = state;
  const named = (session: { clientId: string }) => serviceName(settings.clientNames, session.clientId);

  app.get("/oauth2/authorize.json", (c) => {
    const query = queryParams(c);
    if (!query) return oauthError(c, 400, "invalid_request", "a parameter was sent more than once");
    const clientId = query.client_id;
    if (clientId === undefined || state.clientSecret(clientId) === undefined) {
      return oauthError(c, 401, "invalid_client", "unknown client_id");
    }
    const parsed = startQuerySchema.safeParse(query);
    if (!parsed.success) return oauthError(c, 400, "invalid_request", firstIssue(parsed.error));

    // Two ids on purpose: the code is a bearer secret for the backend, the QR id is shown to anyone.
    const code = randomId();
    const qrId = randomId(16);
    state.startPasswordless(code, qrId, {
      clientId,
      scope: grantedScope(parsed.data.scope, settings.productScope),
      status: "pending",
    });
    const body = {
      data: {
        id: code,
        type: "passwordless_login_session",
        attributes: {
          type: "qr_code",
          qr_code_uri: `${settings.publicUrl}/digidentity/app/qr/${qrId}`,
        },
      },
    };
    return c.body(JSON.stringify(body), 200, {
      "Content-Type": "application/vnd.api+json",
      "Cache-Control": "no-store",
    });
  });

  app.get("/app/qr/:qrId", (c) => {
    const qrId = c.req.param("qrId");
    if (!qrIdSchema.safeParse(qrId).success) return expiredPage(c, "unknown");
    const found = state.findByQrId(qrId);
    if (!found.found) return expiredPage(c, found.why);
    if (found.session.status !== "pending") return alreadyAnsweredPage(c, found.session, 200);
    return sendPage(
      c,
      phoneApprovalPage({ qrId, personaId: DEFAULT_PERSONA_ID, service: named(found.session) }),
    );
  });

  app.post("/app/qr/:qrId", async (c) => {
    const qrId = c.req.param("qrId");
    if (!qrIdSchema.safeParse(qrId).success) return expiredPage(c, "unknown");
    const found = state.findByQrId(qrId);
    if (!found.found) return expiredPage(c, found.why);
    const { session } = found;
    if (session.status !== "pending") return alreadyAnsweredPage(c, session, 409);
    // Not urlencodedForm: the QR id and the session's state are checked before the form.
    const parsed = phoneFormSchema.safeParse((await formParams(c)) ?? {});
    if (!parsed.success) {
      return sendPage(
        c,
        phoneApprovalPage({
          qrId,
          personaId: DEFAULT_PERSONA_ID,
          service: named(session),
          error: t("digidentity.phone.chooseApproveOrDecline"),
        }),
        400,
      );
    }
    if (parsed.data.action === "decline") {
      answer(state, session, { decline: true });
      return resultPage(c, session);
    }
    const persona = findPersona(parsed.data.persona);
    if (!persona) {
      return sendPage(
        c,
        phoneApprovalPage({
          qrId,
          personaId: DEFAULT_PERSONA_ID,
          service: named(session),
          error: t("digidentity.choosePersona"),
        }),
        400,
      );
    }
    if (!pinMatches(persona, parsed.data.pin)) {
      return sendPage(
        c,
        phoneApprovalPage({
          qrId,
          personaId: persona.id,
          service: named(session),
          error: t("digidentity.wrongPin"),
        }),
        400,
      );
    }
    answer(state, session, { approve: persona });
    return resultPage(c, session);
  });

  /** The live session behind a QR id, or the 404 to answer with. */
  const liveSession = (c: Context): { code: string; session: PasswordlessSession } | Response => {
    const qrId = c.req.param("qrId") ?? "";
    const found = qrIdSchema.safeParse(qrId).success ? state.findByQrId(qrId) : undefined;
    if (!found?.found) return sandboxError(c, 404, "not_found", `no live QR login with id ${qrId}`);
    return found;
  };

  app.post("/control/qr/:qrId/expire", (c) => {
    const live = liveSession(c);
    if (live instanceof Response) return live;
    state.sessions.delete(live.code);
    return c.json({ ok: true, status: "expired" });
  });

  app.post("/control/qr/:qrId/approve", async (c) => {
    // Not controlJson: jsonBody reads JSON whatever the content type, where controlJson would see {}.
    const body = approveBodySchema.safeParse(await jsonBody(c));
    if (!body.success) return sandboxError(c, 400, "invalid_request", 'expected JSON {"persona": "<id>"}');
    const persona = findPersona(body.data.persona);
    if (!persona) return sandboxError(c, 400, "invalid_request", `unknown persona: ${body.data.persona}`);
    const live = liveSession(c);
    if (live instanceof Response) return live;
    const { session } = live;
    if (session.status !== "pending") {
      return sandboxError(c, 409, "already_answered", `this QR login is already ${session.status}`);
    }
    const status = answer(state, session, { approve: persona });
    return c.json({ ok: true, status, ...(session.reason ? { reason: session.reason } : {}) });
  });

  app.post("/control/qr/:qrId/decline", (c) => {
    const live = liveSession(c);
    if (live instanceof Response) return live;
    const { session } = live;
    if (session.status !== "pending") {
      return sandboxError(c, 409, "already_answered", `this QR login is already ${session.status}`);
    }
    return c.json({ ok: true, status: answer(state, session, { decline: true }) });
  });

  app.route("/", state.issued.routes());

  // Renews the chain authorisations only: logins in progress and misbehaviour switches belong
  // to whoever started them and stay as they are.
  app.post("/control/reset", (c) => {
    state.ledger.reset();
    return c.json({ ok: true, status: "reset" });
  });

  return app;
}
