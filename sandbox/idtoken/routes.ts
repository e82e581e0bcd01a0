import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Context } from "hono";
import { Hono } from "hono";
import { html } from "hono/html";
import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";
import type { SandboxConfig } from "../config";
import { sandboxError } from "../shared/errors";
import { jsonBody } from "../shared/forms";
import { t, type MessageKey } from "../shared/i18n";
import { sendPage, type Html } from "../shared/layout";
import {
  misbehaviourRoutes,
  misbehaviourSwitch,
  publishedKeys,
  type MisbehaviourBook,
} from "../shared/misbehaviour";
import type { SandboxProvider } from "../shared/provider";
import { secretsEqual } from "../shared/secrets";
import { generateEs256Key } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { issueIdTokenJwt } from "./jwt";
import { findIdTokenPersona, IDTOKEN_PERSONAS, IDTOKEN_SANDBOX_PIN } from "./personas";
import { idTokenMessagePage, phoneRequestPage } from "./pages";
import { expandScopes, type AtomicScope } from "./scopes";
import { IdTokenState, MAX_VERIFY_ATTEMPTS, type IdTokenSession, type IdTokenSettings } from "./sessions";

const PREFIX = "/idtoken";

const tokenIdSchema = z.string().min(1).max(128);
const scopeNameSchema = z.string().min(1).max(64);

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

type VerifyInput = z.infer<typeof verifySchema>;

type VerifyResult =
  | { ok: true; status: "approved" | "rejected" }
  | {
      ok: false;
      status: 400 | 401 | 403 | 404 | 409 | 410;
      error: string;
      message: string;
      attemptsLeft?: number;
    };

export function idTokenSettings(config: SandboxConfig): IdTokenSettings {
  return {
    ...config.idtoken,
    issuer: `${config.issuerBase}${PREFIX}`,
    publicUrl: config.publicUrl,
    serviceIds: [config.idtoken.serviceId, ...config.idtoken.extraServiceIds],
  };
}

/**
 * The phone's answer (POST /auth/verify). Each failed check (OTP or biometric) uses one of the
 * three attempts; the third failure rejects the session, which the browser hears at once.
 */
async function verify(state: IdTokenState, input: VerifyInput): Promise<VerifyResult> {
  const session = state.sessions.get(input.sessionId);
  if (!session || session.tokenId !== input.tokenId) {
    return { ok: false, status: 404, error: "unknown_session", message: "no such session for this token" };
  }
  if (session.outcome) {
    return {
      ok: false,
      status: 409,
      error: "already_answered",
      message: `this session is already ${session.outcome.type}`,
    };
  }
  if (!state.isPending(session)) {
    state.expire(session);
    return { ok: false, status: 410, error: "expired", message: "the one-time password has expired" };
  }
  if (input.decision === "reject") {
    state.finish(session, { type: "rejected", reason: "user_rejected" });
    return { ok: true, status: "rejected" };
  }
  const granted = expandScopes(input.grantedScopes ?? session.scopes);
  if (
    !granted.ok ||
    granted.scopes.length === 0 ||
    !granted.scopes.every((s) => session.scopes.includes(s))
  ) {
    return {
      ok: false,
      status: 400,
      error: "invalid_scope",
      message: "grant one or more of the requested scopes",
    };
  }
  const matches =
    secretsEqual(input.autoPassword, session.autoPassword) &&
    secretsEqual(input.pin ?? "", IDTOKEN_SANDBOX_PIN);
  if (!matches) {
    session.failedAttempts += 1;
    const attemptsLeft = MAX_VERIFY_ATTEMPTS - session.failedAttempts;
    if (attemptsLeft <= 0) {
      state.finish(session, { type: "rejected", reason: "too_many_attempts" });
      return {
        ok: false,
        status: 403,
        error: "too_many_attempts",
        message: "three failed attempts: the session is rejected",
      };
    }
    return {
      ok: false,
      status: 401,
      error: "verification_failed",
      message: "the verification failed",
      attemptsLeft,
    };
  }
  const persona = findIdTokenPersona(session.tokenId);
  if (!persona) return { ok: false, status: 404, error: "unknown_token", message: "no such token" };
  const jwt = await issueIdTokenJwt(state, session, persona, granted.scopes);
  state.finish(session, {
    type: "approved",
    jwt,
    ...state.approvalProof(session),
    expiresAt: new Date(session.expiresAt).toISOString(),
  });
  return { ok: true, status: "approved" };
}

/**
 * `wss://…/ws/session/{sessionId}?token={wsToken}`: one connection per session. An unknown
 * session closes with 4004, a wrong token with 4001, and a newer connection replaces the older
 * one, which closes with 4009.
 */
function onSocket(state: IdTokenState, socket: WebSocket, sessionId: string, token: string): void {
  const session = state.sessions.get(sessionId);
  if (!session) {
    socket.close(4004, "unknown session");
    return;
  }
  if (!secretsEqual(token, session.wsToken)) {
    socket.close(4001, "invalid token");
    return;
  }
  const previous = session.socket;
  if (previous && previous.readyState === previous.OPEN)
    previous.close(4009, "replaced by a newer connection");
  session.socket = socket;
  socket.on("close", () => {
    if (session.socket === socket) session.socket = undefined;
  });
  if (session.outcome) {
    socket.send(JSON.stringify(session.outcome));
    socket.close(1000, session.outcome.type);
    return;
  }
  if (!state.isPending(session)) {
    state.expire(session);
    return;
  }
  socket.send(
    JSON.stringify({ type: "otp_ready", sessionId, expiresAt: new Date(session.expiresAt).toISOString() }),
  );
}

function homeSection(settings: IdTokenSettings, misbehaviour: MisbehaviourBook): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>${t("idtoken.home.heading")}</h2>
    <p>
      ${t("idtoken.home.operator")} <code>${issuer}</code><br />
      JWKS: <code>${issuer}/.well-known/jwks.json</code> (ES256)<br />
      WebSocket: <code>${issuer.replace(/^http/, "ws")}/ws/session/{sessionId}?token={wsToken}</code><br />
      ${t("idtoken.home.services")}
      ${settings.serviceIds.map((id, i) => html`${i > 0 ? ", " : ""}<code>${id}</code>`)},
      ${t("idtoken.home.scopeCeiling")}
      ${settings.allowedScopes.map((s, i) => html`${i > 0 ? ", " : ""}<code>${s}</code>`)};
      ${t("idtoken.home.sessionsLive", { seconds: settings.sessionTtlSeconds })}
    </p>
    <h3>${t("idtoken.home.holders")}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">tokenId</th>
          <th scope="col">${t("idtoken.home.holder")}</th>
          <th scope="col">${t("home.demonstrates")}</th>
          <th scope="col">${t("idtoken.home.phoneApp")}</th>
        </tr>
      </thead>
      <tbody>
        ${IDTOKEN_PERSONAS.map(
          (p) =>
            html`<tr>
              <td><code>${p.tokenId}</code></td>
              <td>${p.label}</td>
              <td>${t(`idtoken.personas.${p.tokenId}` as MessageKey)}</td>
              <td><a href="${PREFIX}/app/${p.tokenId}">${t("idtoken.home.open")}</a></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted">${t("idtoken.home.pin")} <code>${IDTOKEN_SANDBOX_PIN}</code>.</p>
    <h3>${t("home.controlEndpoints")}</h3>
    <ul>
      <li>
        <code>POST ${issuer}/control/tokens/:tokenId/{approve|reject}</code> ${t("home.withJson")}
        <code>{"otp"?: "123456", "scopes"?: […]}</code> — ${t("idtoken.home.answer")}
      </li>
      <li><code>POST ${issuer}/control/tokens/:tokenId/expire</code> — ${t("idtoken.home.expire")}</li>
      <li>
        <code>POST ${issuer}/control/reset</code> —
        ${t("idtoken.home.resetService", { body: '{"service_id": "…"}' })}
      </li>
      <li><code>GET ${issuer}/control/issued</code> — ${t("idtoken.home.issued")}</li>
    </ul>
    ${misbehaviourSwitch(PREFIX, misbehaviour)}
  </section>`;
}

/** Without a service or token id, every session goes. */
const controlResetSchema = z.strictObject({
  service_id: z.string().min(1).max(200).optional(),
  token_id: tokenIdSchema.optional(),
});

/**
 * The phone's answer given by a test: to the request showing this one-time code (as a person
 * compares the codes), or to the token's latest; optionally granting only some scopes.
 */
const controlAnswerSchema = z.strictObject({
  otp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  scopes: z.array(scopeNameSchema).min(1).max(20).optional(),
});

const phoneFormSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  pin: z.string().max(16).optional(),
  scope: z.array(z.string().max(64)).max(20).default([]),
});

export async function createIdToken(config: SandboxConfig, now: Clock): Promise<SandboxProvider> {
  const settings = idTokenSettings(config);
  const state = new IdTokenState(settings, await generateEs256Key(), now, await generateEs256Key());
  const routes = new Hono();

  routes.get("/.well-known/jwks.json", (c) =>
    c.json({ keys: publishedKeys(state.misbehaviour, state.signingKey, state.rotatedKey) }, 200, {
      "Cache-Control": "public, max-age=3600",
    }),
  );

  routes.post("/auth/initiate", async (c) => {
    const parsed = initiateSchema.safeParse(await jsonBody(c));
    if (!parsed.success)
      return sandboxError(c, 400, "invalid_request", "expected JSON {tokenId, serviceId, scopes[]}");
    const { tokenId, serviceId } = parsed.data;
    if (!settings.serviceIds.includes(serviceId))
      return sandboxError(c, 403, "unknown_service", "this serviceId is not registered");
    const requested = expandScopes(parsed.data.scopes?.length ? parsed.data.scopes : settings.defaultScopes);
    if (!requested.ok) return sandboxError(c, 400, "invalid_scope", `unknown scope ${requested.unknown}`);
    const ceiling = expandScopes(settings.allowedScopes);
    const allowed = new Set<AtomicScope>(ceiling.ok ? ceiling.scopes : []);
    const beyond = requested.scopes.find((s) => !allowed.has(s));
    if (beyond)
      return sandboxError(c, 403, "scope_not_allowed", `${beyond} is beyond this service's allowed scopes`);
    // Unknown tokens are refused; whether the real operator says so or stays silent is unconfirmed.
    if (!findIdTokenPersona(tokenId)) return sandboxError(c, 404, "unknown_token", "no such tokenId");
    const session = state.start(tokenId, serviceId, requested.scopes);
    return c.json(
      {
        sessionId: session.sessionId,
        autoPassword: session.autoPassword,
        wsToken: session.wsToken,
        expiresAt: new Date(session.expiresAt).toISOString(),
      },
      200,
      { "Cache-Control": "no-store" },
    );
  });

  routes.post("/auth/verify", async (c) => {
    const parsed = verifySchema.safeParse(await jsonBody(c));
    if (!parsed.success)
      return sandboxError(
        c,
        400,
        "invalid_request",
        "expected JSON {sessionId, tokenId, autoPassword, decision, grantedScopes?, pin?}",
      );
    const result = await verify(state, parsed.data);
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
  });

  const phonePage = (
    c: Context,
    tokenId: string,
    session: IdTokenSession,
    error?: string,
    status: 200 | 400 | 401 = 200,
  ) => {
    const persona = findIdTokenPersona(tokenId);
    return sendPage(
      c,
      phoneRequestPage({
        action: `${PREFIX}/app/${encodeURIComponent(tokenId)}/sessions/${session.sessionId}`,
        holder: persona?.label ?? tokenId,
        session,
        attemptsLeft: MAX_VERIFY_ATTEMPTS - session.failedAttempts,
        now: state.now(),
        error,
      }),
      status,
    );
  };

  routes.get("/app/:tokenId", (c) => {
    const tokenId = c.req.param("tokenId");
    const session = state.latestPending(tokenId);
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

  // The phone's answer without a phone: approve (with the PIN) or reject the token's latest request.
  for (const decision of ["approve", "reject"] as const) {
    routes.post(`/control/tokens/:tokenId/${decision}`, async (c) => {
      const parsed = controlAnswerSchema.safeParse(await jsonBody(c));
      if (!parsed.success)
        return sandboxError(c, 400, "invalid_request", 'expected JSON {"otp"?: "123456", "scopes"?: […]}');
      const tokenId = c.req.param("tokenId");
      const { otp } = parsed.data;
      const session = otp
        ? [...state.pendingSessions()].find((s) => s.tokenId === tokenId && secretsEqual(s.autoPassword, otp))
        : state.latestPending(tokenId);
      if (!session) return sandboxError(c, 404, "not_found", "no pending session for this token");
      const result = await verify(state, {
        sessionId: session.sessionId,
        tokenId,
        autoPassword: session.autoPassword,
        decision,
        grantedScopes: parsed.data.scopes,
        pin: IDTOKEN_SANDBOX_PIN,
      });
      if (!result.ok) return sandboxError(c, result.status, result.error, result.message);
      return c.json({ ok: true, status: result.status });
    });
  }

  routes.post("/control/reset", async (c) => {
    const parsed = controlResetSchema.safeParse(await jsonBody(c));
    if (!parsed.success) {
      return sandboxError(c, 400, "invalid_request", 'expected JSON {"service_id"?: "…", "token_id"?: "…"}');
    }
    // Optionally one service's or one token's sessions only, so one test suite does not end another's logins.
    state.reset({ serviceId: parsed.data.service_id, tokenId: parsed.data.token_id });
    return c.json({ ok: true, status: "reset" });
  });
  routes.route("/", misbehaviourRoutes(state.misbehaviour));
  routes.route("/", state.issued.routes());

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const socketPath = new RegExp(`^${PREFIX}/ws/session/([A-Za-z0-9_-]{1,64})$`);

  return {
    prefix: PREFIX,
    name: "IDToken",
    routes,
    homeSection: () => homeSection(settings, state.misbehaviour),
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? "/", "http://sandbox.invalid");
      const match = socketPath.exec(url.pathname);
      if (!match?.[1]) return false;
      const sessionId = match[1];
      const token = url.searchParams.get("token") ?? "";
      wss.handleUpgrade(req, socket, head, (ws) => onSocket(state, ws, sessionId, token));
      return true;
    },
  };
}
