import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { t, type MessageKey } from "../shared/i18n";
import { sendPage } from "../shared/layout";
import { misbehavingResponse } from "../shared/misbehaviour";
import {
  codeChallengeSchema,
  firstIssue,
  nonceSchema,
  responseTypeSchema,
  scopeSchema,
} from "../shared/oauth-params";
import { redirectToClient as sendBack } from "../shared/oidc/redirect";
import { randomId } from "../shared/random";
import { iduraLoginPage, iduraMessagePage } from "./pages";
import { ACR, findIduraPersona, isAcrValue, personasFor } from "./personas";
import { PREFIX, type IduraState } from "./state";
import { pageForm } from "../shared/validate";

/** The authorization response, with `state` and `iss` as the client's misbehaviour mode bends them. */
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
  return sendBack(c, tx.redirectUri, { ...params, state: response.state }, { iss: response.iss });
}

/** Who may be sent back at all: checked before anything is redirected (RFC 6749 §4.1.2.1). */
const clientQuerySchema = z.looseObject({
  client_id: z.string().max(200),
  redirect_uri: z.string().max(2000),
});

const authorizeQuerySchema = z.object({
  response_type: responseTypeSchema,
  scope: scopeSchema,
  acr_values: z
    .string({ error: "acr_values must name one supported eID" })
    .refine(isAcrValue, "acr_values must name one supported eID"),
  state: z.string().max(2000, "state is too long").optional(),
  nonce: nonceSchema,
  code_challenge: codeChallengeSchema.refine((v) => v !== undefined, "PKCE with S256 is required"),
  code_challenge_method: z.literal("S256", { error: "PKCE with code_challenge_method=S256 is required" }),
  prompt: z.string().max(100).optional(),
  login_hint: z.string().max(500).optional(),
  ui_locales: z.string().max(100).optional(),
});

const loginFormSchema = z.object({
  tx: z.string().min(1).max(100),
  action: z.enum(["login", "cancel"]),
  persona: z.string().max(100).optional(),
});

const cannotLogIn = (c: Context, key: MessageKey) =>
  sendPage(c, iduraMessagePage(t("idura.cannotLogIn"), t(key), "alert"), 400);

/** Web login: the authorization code flow with PKCE, as Idura's hosted login pages do it. */
export function webLoginRoutes(state: IduraState): Hono {
  const app = new Hono();
  const { settings } = state;

  app.get("/oauth2/authorize", async (c) => {
    const raw = new URL(c.req.url).searchParams;
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(raw.keys())) {
      const values = raw.getAll(key);
      query[key] = values.length === 1 ? (values[0] ?? "") : values;
    }
    const client = clientQuerySchema.safeParse(query);
    if (!client.success) return cannotLogIn(c, "idura.errors.malformed");
    const { client_id: clientId, redirect_uri: redirectUri } = client.data;
    // Never redirect to an address that is not allowlisted for the client.
    if (state.clientSecret(clientId) === undefined || !settings.redirectUris.includes(redirectUri)) {
      return cannotLogIn(c, "idura.errors.unknownClient");
    }
    const back = { clientId, redirectUri, state: typeof query.state === "string" ? query.state : undefined };
    const fail = (error: string, description: string) =>
      redirectToClient(c, state, back, { error, error_description: description });
    if (Object.values(query).some(Array.isArray))
      return fail("invalid_request", "a parameter is repeated: RFC 6749 §3.1 forbids that");
    const parsed = authorizeQuerySchema.safeParse(query);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const error =
        field === "response_type"
          ? "unsupported_response_type"
          : field === "scope"
            ? "invalid_scope"
            : "invalid_request";
      return fail(error, firstIssue(parsed.error));
    }
    const q = parsed.data;
    const acr = q.acr_values as keyof typeof ACR;
    const txId = randomId(16);
    state.transactions.set(
      txId,
      {
        clientId,
        redirectUri,
        acr,
        scope: q.scope,
        state: q.state,
        nonce: q.nonce,
        codeChallenge: q.code_challenge ?? "",
      },
      10 * 60_000,
    );
    return sendPage(
      c,
      iduraLoginPage({
        action: `${PREFIX}/oauth2/authorize`,
        txId,
        eidLabel: t(`idura.eids.${acr}` as MessageKey),
        personas: personasFor(ACR[acr].eid),
      }),
    );
  });

  const expired = (c: Context) =>
    sendPage(c, iduraMessagePage(t("idura.expired.heading"), t("idura.expired.message")), 400);

  app.post("/oauth2/authorize", pageForm(loginFormSchema, expired), async (c) => {
    const form = c.req.valid("form");
    const tx = state.transactions.take(form.tx);
    if (!tx) return expired(c);
    if (form.action === "cancel") {
      return redirectToClient(c, state, tx, { error: "access_denied", error_description: "user cancelled" });
    }
    const persona = findIduraPersona(form.persona);
    if (!persona || persona.eid !== ACR[tx.acr].eid) return cannotLogIn(c, "idura.errors.choosePerson");
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

  return app;
}
