import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { noStore, oauthError } from "../shared/errors";
import { authenticatedClient, type ClientAuthPolicy } from "../shared/http-auth";
import { pkceVerifierValid } from "../shared/oidc/pkce";
import { oauthForm } from "../shared/validate";
import type { BackchannelRequest, IduraState } from "./state";

export const CIBA_GRANT = "urn:openid:params:grant-type:ciba";
export const HEADLESS_GRANT = "urn:grn:params:grant-type:headless";

/**
 * client_secret_basic (what the portal uses) or client_secret_post; with HTTP Basic, the body's
 * `client_id` and `client_secret` are not looked at.
 */
export function iduraClientAuth(state: IduraState): ClientAuthPolicy {
  return {
    methods: ["client_secret_basic", "client_secret_post"],
    secretOf: (clientId) => state.clientSecret(clientId),
    refuse: (c) => oauthError(c, 401, "invalid_client", "client authentication failed"),
    tolerates: ["two_methods", "client_id_differs"],
  };
}

const tokenFormSchema = z.object({
  grant_type: z.string({ error: "grant_type is required" }).max(200),
  code: z.string().max(200).optional(),
  redirect_uri: z.string().max(2000).optional(),
  code_verifier: z.string().max(200).optional(),
  auth_req_id: z.string().max(200).optional(),
  headless_req_id: z.string().max(200).optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(500).optional(),
});

/**
 * What a pending request answers, per kind and eID, in the words of Idura's docs
 * (caller-authentication.mdx, swedish-bankid.mdx; docs/providers/idura.md).
 */
function pendingBody(state: IduraState, request: BackchannelRequest) {
  if (request.kind === "ciba") {
    const norwegian = request.acr.startsWith("urn:grn:authn:no:");
    return {
      error: "authorization_pending",
      error_description: norwegian
        ? "User has not yet granted authorization"
        : "awaiting first user interaction",
    };
  }
  // Headless: a fresh animated QR code until the app has scanned one, then BankID's hint.
  return request.status === "scanned"
    ? {
        error: "authorization_pending",
        error_description: "awaiting user identification",
        acr_data: { hintCode: "userSign" },
      }
    : {
        error: "authorization_pending",
        error_description: "awaiting first user interaction",
        acr_data: { qrData: state.qrData(request), hintCode: "outstandingTransaction" },
      };
}

/**
 * One poll of a CIBA or headless request: the same steps for both grants. Only CIBA announces an
 * `interval`, so only CIBA answers a poll sooner than that with `slow_down` (CIBA Core §11); both
 * answer it when the `slow-down` control asks.
 */
async function pollBackchannel(
  c: Context,
  state: IduraState,
  clientId: string,
  kind: BackchannelRequest["kind"],
  id: string,
) {
  const request = state.backchannel.get(id);
  if (!request || request.kind !== kind || request.clientId !== clientId) {
    return oauthError(
      c,
      400,
      "invalid_grant",
      `unknown ${kind === "ciba" ? "auth_req_id" : "headless_req_id"}`,
    );
  }
  const now = state.now();
  if (request.expiresAt <= now) {
    state.backchannel.delete(id);
    return oauthError(c, 400, "expired_token", "the authentication request has expired");
  }
  if (request.status === "denied") {
    state.backchannel.delete(id);
    return oauthError(c, 400, "access_denied", "user declined");
  }
  const tooSoon =
    request.kind === "ciba" &&
    request.lastPollAt !== undefined &&
    now - request.lastPollAt < request.interval * 1000 - 500;
  request.lastPollAt = now;
  if (tooSoon || request.slowDownNext) {
    request.slowDownNext = false;
    return oauthError(c, 400, "slow_down", "polling too fast: wait 5 s longer between polls");
  }
  if (request.status !== "approved" || !request.persona)
    return c.json(pendingBody(state, request), 400, noStore);
  state.backchannel.delete(id);
  const grant = {
    clientId,
    persona: request.persona,
    acr: request.acr,
    scope: request.scope,
    authTime: now,
    ipAddress: request.kind === "headless" ? request.endUserIp : undefined,
  };
  return c.json(await state.tokenResponse(grant, "string"), 200, noStore);
}

/** The token endpoint, for all three grants. */
export function tokenRoutes(state: IduraState): Hono {
  const app = new Hono();

  app.post("/oauth2/token", oauthForm(tokenFormSchema), async (c) => {
    const form = c.req.valid("form");
    const clientId = authenticatedClient(c, form, iduraClientAuth(state));
    if (clientId instanceof Response) return clientId;
    if (state.misbehaviour.of(clientId) === "garbage") {
      return c.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 200);
    }
    switch (form.grant_type) {
      case "authorization_code": {
        const code = form.code ? state.codes.take(form.code) : undefined;
        if (!code || code.grant.clientId !== clientId)
          return oauthError(c, 400, "invalid_grant", "unknown or used code");
        if (form.redirect_uri !== code.redirectUri)
          return oauthError(c, 400, "invalid_grant", "redirect_uri differs");
        if (!pkceVerifierValid(form.code_verifier, code.codeChallenge))
          return oauthError(c, 400, "invalid_grant", "code_verifier does not match the code_challenge");
        return c.json(await state.tokenResponse(code.grant), 200, noStore);
      }
      case CIBA_GRANT:
        return pollBackchannel(c, state, clientId, "ciba", form.auth_req_id ?? "");
      case HEADLESS_GRANT:
        return pollBackchannel(c, state, clientId, "headless", form.headless_req_id ?? "");
      default:
        return oauthError(c, 400, "unsupported_grant_type", "grant_type is not supported");
    }
  });

  return app;
}
