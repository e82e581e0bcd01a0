import { misbehavingTokenAnswer, misbehavingTokens, misbehavingUserinfoAnswer } from "../shared/misbehaviour";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { noStore, oauthError } from "../shared/errors";
import { authenticatedClient, parseBearer, type ClientAuthPolicy } from "../shared/http-auth";
import { pkceVerifierMatches } from "../shared/oidc/pkce";
import { urlencodedForm } from "../shared/validate";
import { findPersona } from "./personas";
import { codeVerifierSchema, firstIssue } from "./params";
import type { DigidentityState } from "./state";
import { issueApplicationToken } from "./reports";
import { issueTokens, userInfoClaims } from "./tokens";

const tokenFormSchema = z.object({
  grant_type: z.string({ error: "grant_type is required" }).max(200),
  code: z.string({ error: "code is required" }).min(1, "code is required").max(200),
  redirect_uri: z.string().max(2000).optional(),
  code_verifier: z.string().max(200).optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(500).optional(),
});

/** Token endpoint (both paths Digidentity serves) and the userinfo endpoint. */
export function tokenRoutes(state: DigidentityState): Hono {
  const app = new Hono();
  const { settings } = state;
  // client_secret_basic is the only method Digidentity advertises; a secret in the body is refused.
  const clientAuth: ClientAuthPolicy = {
    methods: ["client_secret_basic"],
    secretOf: (clientId) => state.clientSecret(clientId),
    refuse: (c, failure) =>
      oauthError(
        c,
        401,
        "invalid_client",
        failure === "missing"
          ? "client authentication with HTTP Basic is required"
          : failure === "two_methods"
            ? "send the client secret with HTTP Basic only"
            : "client authentication failed",
        { "WWW-Authenticate": 'Basic realm="digidentity"' },
      ),
  };

  const tokenBody = urlencodedForm(z.record(z.string(), z.string()), (c) =>
    oauthError(
      c,
      400,
      "invalid_request",
      "expected an application/x-www-form-urlencoded body with no repeated parameters",
    ),
  );
  // The fields are checked after client authentication and the grant type, which answer first.
  const token = async (c: Context, form: Record<string, string>): Promise<Response> => {
    const clientId = authenticatedClient(c, form, clientAuth);
    if (clientId instanceof Response) return clientId;
    if (state.misbehaviour.of(clientId) === "garbage") {
      return c.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 200);
    }
    const broken = misbehavingTokenAnswer(state.misbehaviour.of(clientId), c);
    if (broken) return broken;
    if (form.grant_type === "client_credentials") {
      return c.json(issueApplicationToken(state, clientId, form.scope), 200, noStore);
    }
    if (form.grant_type !== undefined && form.grant_type !== "authorization_code") {
      return oauthError(
        c,
        400,
        "unsupported_grant_type",
        "only authorization_code and client_credentials are supported",
      );
    }
    const parsed = tokenFormSchema.safeParse(form);
    if (!parsed.success) return oauthError(c, 400, "invalid_request", firstIssue(parsed.error));
    const { code } = parsed.data;

    const webCode = state.codes.take(code);
    if (webCode) {
      const persona = findPersona(webCode.personaId);
      if (webCode.clientId !== clientId || !persona) {
        return oauthError(c, 400, "invalid_grant", "the code was not issued to this client");
      }
      if (parsed.data.redirect_uri !== webCode.redirectUri) {
        return oauthError(c, 400, "invalid_grant", "redirect_uri does not match the authorization request");
      }
      if (webCode.codeChallenge !== undefined) {
        const verifier = codeVerifierSchema.safeParse(parsed.data.code_verifier);
        if (!verifier.success)
          return oauthError(c, 400, "invalid_grant", "a valid code_verifier is required");
        if (!pkceVerifierMatches(verifier.data, webCode.codeChallenge)) {
          return oauthError(c, 400, "invalid_grant", "code_verifier does not match the code_challenge");
        }
      } else if (parsed.data.code_verifier !== undefined) {
        return oauthError(c, 400, "invalid_grant", "code_verifier sent but no code_challenge was");
      }
      const tokens = await issueTokens(state, { persona, ...webCode });
      state.redeemedCodes.set(code, tokens.access_token, 3600_000);
      return c.json(misbehavingTokens(state.misbehaviour.of(clientId), tokens), 200, noStore);
    }

    // A replayed code is a sign it leaked: revoke what it produced (RFC 6749 §4.1.2).
    const issuedToken = state.redeemedCodes.take(code);
    if (issuedToken !== undefined) {
      state.accessTokens.delete(issuedToken);
      return oauthError(c, 400, "invalid_grant", "the authorization code was already used");
    }

    const session = state.sessions.get(code);
    if (!session || session.clientId !== clientId || session.status === "redeemed") {
      return oauthError(c, 400, "invalid_grant", "session_not_found");
    }
    // Digidentity keys these answers on error_description (docs/providers/digidentity.md); the
    // `error` next to them is not public, so the sandbox uses RFC 6749's invalid_grant for all.
    switch (session.status) {
      case "pending":
        return oauthError(c, 400, "invalid_grant", "login_pending");
      case "declined":
        return oauthError(c, 400, "invalid_grant", "login_declined");
      case "refused":
        return oauthError(c, 400, "invalid_grant", session.reason ?? "authorisation_revoked");
    }
    const persona = findPersona(session.personaId);
    if (!persona) return oauthError(c, 400, "invalid_grant", "session_not_found");
    // Marked, not deleted: the phone page can still say the login was answered.
    session.status = "redeemed";
    const tokens = await issueTokens(state, {
      clientId: session.clientId,
      persona,
      scope: session.scope,
      nonce: undefined,
      authTime: session.authTime ?? state.now(),
    });
    return c.json(tokens, 200, noStore);
  };

  app.post("/oauth2/token", tokenBody, (c) => token(c, c.req.valid("form")));
  app.post("/oauth2/token.json", tokenBody, (c) => token(c, c.req.valid("form")));

  app.get("/user_info.json", (c) => {
    const accessToken = parseBearer(c.req.header("authorization"));
    const grant = accessToken === undefined ? undefined : state.accessTokens.get(accessToken);
    const persona = findPersona(grant?.personaId);
    if (!grant || !persona) {
      return oauthError(c, 401, "invalid_token", "the access token is missing, unknown or expired", {
        "WWW-Authenticate":
          accessToken === undefined
            ? 'Bearer realm="digidentity"'
            : 'Bearer realm="digidentity", error="invalid_token"',
      });
    }
    const broken = misbehavingUserinfoAnswer(state.misbehaviour.of(grant.clientId), c);
    if (broken) return broken;
    const claims = userInfoClaims(persona, grant.scope, settings.productScope);
    if (state.misbehaviour.of(grant.clientId) === "userinfo_sub_mismatch") {
      claims.sub = "e0x0a0mp-00l0-00ps-00ef-u00000000d0o";
    }
    return c.json(claims, 200, noStore);
  });

  return app;
}
