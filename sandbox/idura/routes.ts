import { createHash } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { SandboxConfig } from "../config";
import { oauthError, sandboxError } from "../shared/errors";
import { formParams, jsonBody, queryParams } from "../shared/forms";
import { t, type MessageKey } from "../shared/i18n";
import { parseBasicAuth, parseBearer } from "../shared/http-auth";
import { sendPage, type Html } from "../shared/layout";
import {
  misbehavingResponse,
  misbehaviourRoutes,
  misbehaviourSwitch,
  publishedKeys,
  type MisbehaviourBook,
} from "../shared/misbehaviour";
import type { SandboxProvider } from "../shared/provider";
import { randomId } from "../shared/random";
import { secretsEqual } from "../shared/secrets";
import { loadSigningKey } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { bankIdConfirmPage, bankIdScanPage, iduraLoginPage, iduraMessagePage } from "./pages";
import { ACR, findIduraPersona, IDURA_PERSONAS, isAcrValue, personasFor } from "./personas";
import { IduraState, type IduraSettings } from "./state";

const PREFIX = "/idura";
const CIBA_GRANT = "urn:openid:params:grant-type:ciba";
const HEADLESS_GRANT = "urn:grn:params:grant-type:headless";
const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

export function iduraSettings(config: SandboxConfig): IduraSettings {
  return {
    ...config.idura,
    issuer: `${config.issuerBase}${PREFIX}`,
    clients: [
      { clientId: config.idura.clientId, clientSecret: config.idura.clientSecret },
      ...config.idura.extraClients,
    ],
  };
}

const authorizeSchema = z.object({
  client_id: z.string().max(200),
  redirect_uri: z.string().max(2000),
  response_type: z.string().max(100),
  scope: z.string().max(1000),
  acr_values: z.string().max(200).optional(),
  state: z.string().max(2000).optional(),
  nonce: z.string().max(512).optional(),
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9\-._~]{43,128}$/)
    .optional(),
  code_challenge_method: z.string().optional(),
  prompt: z.string().max(100).optional(),
  login_hint: z.string().max(500).optional(),
});

const loginFormSchema = z.object({
  tx: z.string().min(1).max(100),
  action: z.enum(["login", "cancel"]),
  persona: z.string().max(100).optional(),
});

const bindingMessageSchema = z.strictObject({ binding_message: z.string().min(1).max(200) });
/** A headless BankID request, named by what its QR code decodes to (any of its codes, however old). */
const headlessControlSchema = z.strictObject({
  qr_data: z.string().min(1).max(300),
  persona: z.string().max(100).optional(),
});

/** RFC 6749 §4.1.2 plus the RFC 9207 `iss`, as the client's misbehaviour mode may bend them. */
function redirectToClient(
  c: Context,
  state: IduraState,
  tx: { clientId: string; redirectUri: string; state?: string },
  params: Record<string, string | undefined>,
) {
  const response = misbehavingResponse(
    state.misbehaviour.of(tx.clientId),
    { state: tx.state, issuer: state.settings.issuer },
    "idura",
  );
  const url = new URL(tx.redirectUri);
  for (const [k, v] of Object.entries({ ...params, state: response.state }))
    if (v !== undefined) url.searchParams.set(k, v);
  url.searchParams.set("iss", response.iss);
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.redirect(url.toString(), 303);
}

export async function createIdura(config: SandboxConfig, now: Clock): Promise<SandboxProvider> {
  const settings = iduraSettings(config);
  const state = new IduraState(settings, await loadSigningKey(), now, await loadSigningKey());
  const { issuer } = settings;
  const routes = new Hono();

  /** client_secret_basic or client_secret_post; undefined when authentication fails. */
  const authenticate = (c: Context, form: Record<string, string>): string | undefined => {
    const basic = parseBasicAuth(c.req.header("authorization"));
    const id = basic?.clientId ?? form.client_id;
    const secret = basic?.clientSecret ?? form.client_secret;
    const expected = state.clientSecret(id);
    if (expected === undefined || secret === undefined || !secretsEqual(secret, expected)) return undefined;
    return id;
  };

  const discovery = () => ({
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    userinfo_endpoint: `${issuer}/oauth2/userinfo`,
    jwks_uri: `${issuer}/.well-known/jwks`,
    backchannel_authentication_endpoint: `${issuer}/ciba/bc-authorize`,
    backchannel_token_delivery_modes_supported: ["poll"],
    backchannel_user_code_parameter_supported: false,
    // The sandbox offers no implicit flow: Idura keeps it for test domains only, and the portal refuses it.
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", CIBA_GRANT, HEADLESS_GRANT],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    acr_values_supported: Object.keys(ACR),
    scopes_supported: ["openid", "ssn"],
    authorization_response_iss_parameter_supported: true,
  });
  routes.get("/.well-known/openid-configuration", (c) => c.json(discovery()));
  // A fixture, as Digidentity's: an issuer URL whose discovery document names another issuer.
  routes.get("/misissued/.well-known/openid-configuration", (c) => c.json(discovery()));
  routes.get("/oauth2/userinfo", (c) => {
    const token = parseBearer(c.req.header("authorization"));
    const grant = token ? state.accessTokens.get(token) : undefined;
    if (!grant) return oauthError(c, 401, "invalid_token", "unknown or expired access token");
    return c.json(state.userinfoClaims(grant), 200, noStore);
  });
  routes.get("/.well-known/jwks", (c) =>
    c.json({ keys: publishedKeys(state.misbehaviour, state.signingKey, state.rotatedKey) }),
  );

  // ------------------------------------------------------------------ web login (code + PKCE)
  routes.get("/oauth2/authorize", (c) => {
    const query = queryParams(c);
    const parsed = authorizeSchema.safeParse(query ?? {});
    if (!parsed.success)
      return sendPage(c, iduraMessagePage(t("idura.cannotLogIn"), t("idura.errors.malformed"), "alert"), 400);
    const q = parsed.data;
    // Never redirect to an address that is not allowlisted for the client.
    if (state.clientSecret(q.client_id) === undefined || !settings.redirectUris.includes(q.redirect_uri)) {
      return sendPage(
        c,
        iduraMessagePage(t("idura.cannotLogIn"), t("idura.errors.unknownClient"), "alert"),
        400,
      );
    }
    const fail = (error: string, description: string) =>
      redirectToClient(
        c,
        state,
        { clientId: q.client_id, redirectUri: q.redirect_uri, state: q.state },
        { error, error_description: description },
      );
    if (q.response_type !== "code")
      return fail("unsupported_response_type", "only response_type=code is offered");
    if (!q.scope.split(" ").includes("openid")) return fail("invalid_scope", "scope must include openid");
    if (!q.acr_values || !isAcrValue(q.acr_values))
      return fail("invalid_request", "acr_values must name one supported eID");
    if (!q.code_challenge || q.code_challenge_method !== "S256") {
      return fail("invalid_request", "PKCE with code_challenge_method=S256 is required");
    }
    const txId = randomId(16);
    state.transactions.set(
      txId,
      {
        clientId: q.client_id,
        redirectUri: q.redirect_uri,
        acr: q.acr_values,
        scope: q.scope,
        state: q.state,
        nonce: q.nonce,
        codeChallenge: q.code_challenge,
      },
      10 * 60_000,
    );
    const { eid } = ACR[q.acr_values];
    return sendPage(
      c,
      iduraLoginPage({
        action: `${PREFIX}/oauth2/authorize`,
        txId,
        eidLabel: t(`idura.eids.${q.acr_values}` as MessageKey),
        personas: personasFor(eid),
      }),
    );
  });

  routes.post("/oauth2/authorize", async (c) => {
    const parsed = loginFormSchema.safeParse((await formParams(c)) ?? {});
    const tx = parsed.success ? state.transactions.take(parsed.data.tx) : undefined;
    if (!parsed.success || !tx) {
      return sendPage(c, iduraMessagePage(t("idura.expired.heading"), t("idura.expired.message")), 400);
    }
    if (parsed.data.action === "cancel") {
      return redirectToClient(c, state, tx, { error: "access_denied", error_description: "user cancelled" });
    }
    const persona = findIduraPersona(parsed.data.persona);
    if (!persona || persona.eid !== ACR[tx.acr].eid) {
      return sendPage(
        c,
        iduraMessagePage(t("idura.cannotLogIn"), t("idura.errors.choosePerson"), "alert"),
        400,
      );
    }
    // The user got through the eID; the misbehaving broker refuses anyway, with no description.
    if (state.misbehaviour.of(tx.clientId) === "access_denied") {
      return redirectToClient(c, state, tx, { error: "access_denied" });
    }
    const code = randomId();
    state.issued.record("web_login_code", code);
    state.codes.set(
      code,
      {
        redirectUri: tx.redirectUri,
        codeChallenge: tx.codeChallenge,
        grant: {
          clientId: tx.clientId,
          persona,
          acr: tx.acr,
          scope: tx.scope,
          nonce: tx.nonce,
          authTime: state.now(),
        },
      },
      60_000,
    );
    return redirectToClient(c, state, tx, { code });
  });

  // ------------------------------------------------------------------ token endpoint (all grants)
  routes.post("/oauth2/token", async (c) => {
    const form = await formParams(c);
    if (!form)
      return oauthError(c, 400, "invalid_request", "expected a form body with no repeated parameters");
    const clientId = authenticate(c, form);
    if (!clientId) return oauthError(c, 401, "invalid_client", "client authentication failed");
    if (state.misbehaviour.of(clientId) === "garbage") {
      return c.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 200);
    }

    if (form.grant_type === "authorization_code") {
      const code = form.code ? state.codes.take(form.code) : undefined;
      if (!code || code.grant.clientId !== clientId)
        return oauthError(c, 400, "invalid_grant", "unknown or used code");
      if (form.redirect_uri !== code.redirectUri)
        return oauthError(c, 400, "invalid_grant", "redirect_uri differs");
      const verifier = form.code_verifier ?? "";
      const challenge = createHash("sha256").update(verifier, "ascii").digest("base64url");
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || !secretsEqual(challenge, code.codeChallenge)) {
        return oauthError(c, 400, "invalid_grant", "code_verifier does not match the code_challenge");
      }
      return c.json(await state.tokenResponse(code.grant), 200, noStore);
    }

    if (form.grant_type === CIBA_GRANT) {
      const id = form.auth_req_id ?? "";
      const request = state.ciba.get(id);
      if (!request || request.clientId !== clientId)
        return oauthError(c, 400, "invalid_grant", "unknown auth_req_id");
      if (request.expiresAt <= state.now()) {
        state.ciba.delete(id);
        return oauthError(c, 400, "expired_token", "the authentication request has expired");
      }
      if (request.status === "denied") {
        state.ciba.delete(id);
        return oauthError(c, 400, "access_denied", "the user denied the request");
      }
      const polledAt = state.now();
      const tooSoon =
        request.lastPollAt !== undefined && polledAt - request.lastPollAt < request.interval * 1000 - 500;
      request.lastPollAt = polledAt;
      // CIBA Core §11: polling faster than `interval` is answered with slow_down.
      if (tooSoon) return oauthError(c, 400, "slow_down", `poll at most every ${request.interval} s`);
      if (request.status === "pending")
        return oauthError(c, 400, "authorization_pending", "waiting for the user");
      state.ciba.delete(id);
      return c.json(
        await state.tokenResponse({
          clientId,
          persona: request.persona,
          acr: request.acr,
          scope: request.scope,
          authTime: polledAt,
        }),
        200,
        noStore,
      );
    }

    if (form.grant_type === HEADLESS_GRANT) {
      const id = form.headless_req_id ?? "";
      const request = state.headless.get(id);
      if (!request || request.clientId !== clientId)
        return oauthError(c, 400, "invalid_grant", "unknown headless_req_id");
      if (request.expiresAt <= state.now()) {
        state.headless.delete(id);
        return oauthError(c, 400, "expired_token", "the authentication request has expired");
      }
      if (request.status === "cancelled") {
        state.headless.delete(id);
        return oauthError(c, 400, "access_denied", "the user cancelled in the app");
      }
      if (request.status === "approved" && request.persona) {
        state.headless.delete(id);
        return c.json(
          await state.tokenResponse({
            clientId,
            persona: request.persona,
            acr: request.acr,
            scope: request.scope,
            authTime: state.now(),
          }),
          200,
          noStore,
        );
      }
      // Pending answers carry a fresh animated QR code until the app has scanned one.
      const scanned = request.status === "scanned";
      return c.json(
        {
          error: "authorization_pending",
          error_description: "waiting for the user",
          acr_data: scanned
            ? { hintCode: "userSign" }
            : { qrData: state.qrData(request), hintCode: "outstandingTransaction" },
        },
        400,
        noStore,
      );
    }
    return oauthError(c, 400, "unsupported_grant_type", "grant_type is not supported");
  });

  // ------------------------------------------------------------------ CIBA (poll mode)
  routes.post("/ciba/bc-authorize", async (c) => {
    const form = await formParams(c);
    if (!form)
      return oauthError(c, 400, "invalid_request", "expected a form body with no repeated parameters");
    const clientId = authenticate(c, form);
    if (!clientId) return oauthError(c, 401, "invalid_client", "client authentication failed");
    if (!(form.scope ?? "").split(" ").includes("openid"))
      return oauthError(c, 400, "invalid_scope", "scope must include openid");
    const acr = form.acr_values ?? "";
    if (!isAcrValue(acr) || !["se-bankid", "no-bankid"].includes(ACR[acr].eid)) {
      return oauthError(c, 400, "invalid_request", "CIBA supports Swedish and Norwegian BankID acr_values");
    }
    const bindingMessage = form.binding_message ?? "";
    if (bindingMessage.length < 1 || bindingMessage.length > 200) {
      return oauthError(c, 400, "invalid_binding_message", "binding_message must be 1 to 200 characters");
    }
    const hint = /^sub:ssn:([0-9]{6,12})$/.exec(form.login_hint ?? "");
    const persona = IDURA_PERSONAS.find((p) => p.eid === ACR[acr].eid && p.ssn === hint?.[1]);
    if (!persona) return oauthError(c, 400, "unknown_user_id", "no such user for this eID");
    const { id, request } = state.startCiba({
      clientId,
      persona,
      acr,
      scope: form.scope ?? "openid",
      bindingMessage,
    });
    return c.json(
      { auth_req_id: id, expires_in: settings.requestTtlSeconds, interval: request.interval },
      200,
      noStore,
    );
  });

  // ------------------------------------------------------------------ headless Swedish BankID
  routes.post("/headless/authorize", async (c) => {
    const form = await formParams(c);
    if (!form)
      return oauthError(c, 400, "invalid_request", "expected a form body with no repeated parameters");
    const clientId = authenticate(c, form);
    if (!clientId) return oauthError(c, 401, "invalid_client", "client authentication failed");
    const acr = form.acr_values ?? "urn:grn:authn:se:bankid:another-device:qr";
    if (!isAcrValue(acr) || ACR[acr].eid !== "se-bankid") {
      return oauthError(c, 400, "invalid_request", "headless supports Swedish BankID only");
    }
    const { id, request } = state.startHeadless(clientId, acr, form.scope ?? "openid");
    return c.json(
      {
        headless_req_id: id,
        expires_in: settings.requestTtlSeconds,
        acr_data: { qrData: state.qrData(request), autoStartToken: request.qrStartToken },
      },
      200,
      noStore,
    );
  });

  routes.get("/app/bankid", (c) => sendPage(c, bankIdScanPage(`${PREFIX}/app/bankid`)));
  routes.post("/app/bankid", async (c) => {
    const form = (await formParams(c)) ?? {};
    const checked = state.checkScan(form.qr ?? "");
    if (!checked.ok) {
      const message = checked.why === "stale" ? t("idura.bankid.stale") : t("idura.bankid.unknown");
      return sendPage(c, bankIdScanPage(`${PREFIX}/app/bankid`, message), 400);
    }
    checked.request.status = "scanned";
    const scanId = randomId(16);
    state.scans.set(scanId, checked.id, state.requestTtlMs);
    return sendPage(
      c,
      bankIdConfirmPage({
        action: `${PREFIX}/app/bankid/confirm`,
        scanId,
        clientId: checked.request.clientId,
        personas: personasFor("se-bankid"),
      }),
    );
  });
  routes.post("/app/bankid/confirm", async (c) => {
    const form = (await formParams(c)) ?? {};
    const id = form.scan ? state.scans.take(form.scan) : undefined;
    const request = id ? state.headless.get(id) : undefined;
    if (!request || request.status !== "scanned") {
      return sendPage(c, iduraMessagePage(t("idura.ended.heading"), t("idura.ended.message")), 410);
    }
    if (form.action !== "identify") {
      request.status = "cancelled";
      return sendPage(c, iduraMessagePage(t("idura.cancelled.heading"), t("idura.cancelled.message")));
    }
    const persona = findIduraPersona(form.persona);
    if (!persona || persona.eid !== "se-bankid")
      return sendPage(
        c,
        iduraMessagePage(t("idura.cannotIdentify.heading"), t("idura.cannotIdentify.message")),
        400,
      );
    request.status = "approved";
    request.persona = persona;
    return sendPage(c, iduraMessagePage(t("idura.identified.heading"), t("idura.identified.message"), "ok"));
  });

  // ------------------------------------------------------------------ control (sandbox only)
  const findCiba = async (c: Context) => {
    const parsed = bindingMessageSchema.safeParse(await jsonBody(c));
    if (!parsed.success) return undefined;
    for (const key of state.ciba.keys()) {
      const request = state.ciba.get(key);
      if (
        request?.status === "pending" &&
        request.expiresAt > state.now() &&
        request.bindingMessage === parsed.data.binding_message
      ) {
        return request;
      }
    }
    return undefined;
  };
  const cibaControl = (action: "approve" | "deny" | "expire" | "slow-down") =>
    routes.post(`/control/ciba/${action}`, async (c) => {
      const request = await findCiba(c);
      if (!request)
        return sandboxError(c, 404, "not_found", "no pending CIBA request with that binding_message");
      if (action === "approve") request.status = "approved";
      if (action === "deny") request.status = "denied";
      if (action === "expire") request.expiresAt = state.now();
      // The server is busy: from now on it wants polls 5 s further apart than it announced.
      if (action === "slow-down") request.interval += 5;
      return c.json({ ok: true, status: action });
    });
  for (const action of ["approve", "deny", "expire", "slow-down"] as const) cibaControl(action);
  // The BankID app without a phone: the test names the request by the QR code it read off the page.
  const headlessControl = (action: "scan" | "approve" | "cancel" | "expire") =>
    routes.post(`/control/headless/${action}`, async (c) => {
      const parsed = headlessControlSchema.safeParse(await jsonBody(c));
      if (!parsed.success)
        return sandboxError(
          c,
          400,
          "invalid_request",
          'expected JSON {"qr_data": "bankid.…", "persona"?: "…"}',
        );
      const token = /^bankid\.([0-9a-f-]{36})\./.exec(parsed.data.qr_data.trim())?.[1];
      const id = token ? state.qrTokens.get(token) : undefined;
      const request = id ? state.headless.get(id) : undefined;
      if (!request || request.expiresAt <= state.now() || !["pending", "scanned"].includes(request.status))
        return sandboxError(c, 404, "not_found", "no pending BankID request for that QR code");
      if (action === "approve") {
        const persona = findIduraPersona(parsed.data.persona ?? "astrid");
        if (persona?.eid !== "se-bankid")
          return sandboxError(c, 400, "invalid_request", "persona must be a Swedish BankID persona");
        request.status = "approved";
        request.persona = persona;
      }
      if (action === "scan") request.status = "scanned";
      if (action === "cancel") request.status = "cancelled";
      if (action === "expire") request.expiresAt = state.now();
      return c.json({ ok: true, status: action });
    });
  for (const action of ["scan", "approve", "cancel", "expire"] as const) headlessControl(action);
  routes.post("/control/reset", (c) => {
    state.reset();
    return c.json({ ok: true, status: "reset" });
  });
  routes.route("/", misbehaviourRoutes(state.misbehaviour));
  routes.route("/", state.issued.routes());

  return {
    prefix: PREFIX,
    name: "Idura Verify",
    routes,
    homeSection: () => homeSection(settings, state.misbehaviour),
  };
}

function homeSection(settings: IduraSettings, misbehaviour: MisbehaviourBook): Html {
  const { issuer } = settings;
  return html`<section class="card">
    <h2>${t("idura.home.heading")}</h2>
    <p>
      ${t("home.issuer")} <code>${issuer}</code><br />
      ${t("home.discovery")} <code>${issuer}/.well-known/openid-configuration</code><br />
      ${t("home.clients")}
      ${settings.clients.map((client, i) => html`${i > 0 ? ", " : ""}<code>${client.clientId}</code>`)},
      ${t("home.redirectUris")}
      ${settings.redirectUris.map((u, i) => html`${i > 0 ? ", " : ""}<code>${u}</code>`)}<br />
      ${t("idura.home.bankidApp")} <a href="${PREFIX}/app/bankid">${PREFIX}/app/bankid</a>
    </p>
    <h3>${t("home.personas")}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">id</th>
          <th scope="col">${t("home.persona")}</th>
          <th scope="col">${t("home.demonstrates")}</th>
          <th scope="col">${t("idura.home.nationalId")}</th>
        </tr>
      </thead>
      <tbody>
        ${IDURA_PERSONAS.map(
          (p) =>
            html`<tr>
              <td><code>${p.id}</code></td>
              <td>${p.label}</td>
              <td>${t(`idura.personas.${p.id}` as MessageKey)}</td>
              <td><code>${p.ssn}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>${t("home.controlEndpoints")}</h3>
    <ul>
      <li>
        <code>POST ${issuer}/control/ciba/{approve|deny|expire|slow-down}</code> ${t("home.withJson")}
        <code>{"binding_message": "…"}</code>
      </li>
      <li>
        <code>POST ${issuer}/control/headless/{scan|approve|cancel|expire}</code> ${t("home.withJson")}
        <code>{"qr_data": "bankid.…", "persona"?: "…"}</code> — ${t("idura.home.headless")}
      </li>
      <li><code>POST ${issuer}/control/reset</code> — ${t("idura.home.reset")}</li>
      <li><code>GET ${issuer}/control/issued</code> — ${t("idura.home.issued")}</li>
      <li><code>${issuer}/misissued</code> — ${t("home.misissued")}</li>
    </ul>
    ${misbehaviourSwitch(PREFIX, misbehaviour)}
  </section>`;
}
