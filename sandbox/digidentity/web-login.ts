import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { queryParams } from "../shared/forms";
import { sendPage } from "../shared/layout";
import { misbehavingResponse } from "../shared/misbehaviour";
import { redirectToClient } from "../shared/oidc/redirect";
import { randomId } from "../shared/random";
import { urlencodedForm } from "../shared/validate";
import { DEFAULT_PERSONA_ID, findPersona, pinMatches } from "./personas";
import { t } from "../shared/i18n";
import { messagePage, loginPage } from "./pages";
import { codeChallengeSchema, firstIssue, nonceSchema, responseTypeSchema, scopeSchema } from "./params";
import type { DigidentityState } from "./state";
import { grantedScope } from "./tokens";

const authorizeQuerySchema = z
  .object({
    response_type: responseTypeSchema,
    scope: scopeSchema,
    state: z.string().max(2000, "state is too long").optional(),
    nonce: nonceSchema,
    code_challenge: codeChallengeSchema,
    // RFC 7636 makes "plain" the default when the method is left out, so it must be given.
    code_challenge_method: z.literal("S256", { error: "code_challenge_method must be S256" }).optional(),
  })
  .refine(
    (q) => (q.code_challenge === undefined) === (q.code_challenge_method === undefined),
    "code_challenge and code_challenge_method (S256) must be sent together",
  );

const loginFormSchema = z.object({
  tx: z.string().min(1).max(100),
  action: z.enum(["login", "cancel"]),
  persona: z.string().max(100).optional(),
  pin: z.string().max(100).optional(),
});

function authorizeErrorPage(c: Context, message: string): Response | Promise<Response> {
  return sendPage(c, messagePage(t("digidentity.cannotLogIn"), message, "alert"), 400);
}

/** Web login (authorization code flow): `GET` shows the sign-in page, `POST` handles its form. */
export function webLoginRoutes(state: DigidentityState): Hono {
  const app = new Hono();
  const { settings } = state;

  app.get("/oauth2/authorize", (c) => {
    const query = queryParams(c);
    if (!query) return authorizeErrorPage(c, t("digidentity.errors.repeatedParameter"));
    const clientId = query.client_id;
    if (clientId === undefined || state.clientSecret(clientId) === undefined) {
      return authorizeErrorPage(c, t("digidentity.errors.unknownClient"));
    }
    // Digidentity never redirects to a redirect_uri that is not allowlisted: the user stays here.
    const redirectUri = query.redirect_uri;
    if (redirectUri === undefined || !settings.redirectUris.includes(redirectUri)) {
      return authorizeErrorPage(
        c,
        redirectUri === undefined
          ? t("digidentity.errors.redirectUriMissing")
          : t("digidentity.errors.redirectUriNotAllowed"),
      );
    }
    const parsed = authorizeQuerySchema.safeParse(query);
    if (!parsed.success) {
      return redirectToClient(
        c,
        redirectUri,
        { error: "invalid_request", error_description: firstIssue(parsed.error), state: query.state },
        { iss: settings.issuer, status: 302 },
      );
    }
    const txId = randomId();
    state.saveTransaction(txId, {
      clientId,
      redirectUri,
      scope: grantedScope(parsed.data.scope, settings.productScope),
      state: parsed.data.state,
      nonce: parsed.data.nonce,
      codeChallenge: parsed.data.code_challenge,
    });
    return sendPage(c, loginPage({ txId, personaId: DEFAULT_PERSONA_ID }));
  });

  const loginForm = urlencodedForm(loginFormSchema, (c) =>
    authorizeErrorPage(c, t("digidentity.errors.badForm")),
  );
  app.post("/oauth2/authorize", loginForm, async (c) => {
    const form = c.req.valid("form");
    const { tx: txId, action, pin } = form;
    const transaction = state.transactions.get(txId);
    if (!transaction) {
      return authorizeErrorPage(c, t("digidentity.errors.unknownTransaction"));
    }
    const mode = state.misbehaviour.of(transaction.clientId);
    const response = misbehavingResponse(
      mode,
      { state: transaction.state, issuer: settings.issuer },
      "digidentity",
    );
    const back = (params: Record<string, string>) =>
      redirectToClient(
        c,
        transaction.redirectUri,
        { ...params, state: response.state },
        { iss: response.iss },
      );

    if (action === "cancel") {
      state.transactions.delete(txId);
      return back({ error: "access_denied", error_description: "login_cancelled" });
    }
    const persona = findPersona(form.persona);
    if (!persona) {
      return sendPage(
        c,
        loginPage({ txId, personaId: DEFAULT_PERSONA_ID, error: t("digidentity.choosePersona") }),
        400,
      );
    }
    if (!pinMatches(persona, pin)) {
      return sendPage(c, loginPage({ txId, personaId: persona.id, error: t("digidentity.wrongPin") }), 400);
    }
    state.transactions.delete(txId);
    if (mode === "access_denied") return back({ error: "access_denied" });
    const decision = state.ledger.authorise(persona);
    if (!decision.ok) return back({ error: "access_denied", error_description: decision.reason });

    const code = randomId();
    state.saveCode(code, {
      clientId: transaction.clientId,
      redirectUri: transaction.redirectUri,
      scope: transaction.scope,
      nonce: transaction.nonce,
      codeChallenge: transaction.codeChallenge,
      personaId: persona.id,
      authTime: state.now(),
    });
    return back({ code });
  });

  return app;
}
