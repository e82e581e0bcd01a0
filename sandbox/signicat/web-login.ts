import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { queryParams } from "../shared/forms";
import { t } from "../shared/i18n";
import { sendPage } from "../shared/layout";
import { misbehavingResponse } from "../shared/misbehaviour";
import { redirectToClient } from "../shared/oidc/redirect";
import {
  codeChallengeSchema,
  firstIssue,
  nonceSchema,
  responseTypeSchema,
  scopeSchema,
} from "../shared/oauth-params";
import { randomId } from "../shared/random";
import { serviceName } from "../shared/client-names";
import { pageForm } from "../shared/validate";
import { messagePage, userIdPage } from "./pages";
import { findPersonaByUuid, levelRank, type Level } from "./personas";
import { readAcrValues, wantsFromScope, type PlatformDialect } from "./platform";
import { openRequestObject, parseLoginHints, type LoginHints } from "./request-params";
import type { SignicatState, SignicatTransaction } from "./state";
import { cancelled, issueCode, methodScreen, showPage, STEPS, type StepContext } from "./steps";

const authorizeQuerySchema = z
  .object({
    response_type: responseTypeSchema,
    scope: scopeSchema,
    state: z.string().max(2000).optional(),
    nonce: nonceSchema,
    code_challenge: codeChallengeSchema,
    code_challenge_method: z.literal("S256", { error: "code_challenge_method must be S256" }).optional(),
    acr_values: z.string().max(500).optional(),
    login_hint: z.string().max(2000).optional(),
    prompt: z.string().max(100).optional(),
    ui_locales: z.string().max(100).optional(),
    request: z.string().max(20_000).optional(),
  })
  .refine(
    (q) => (q.code_challenge === undefined) === (q.code_challenge_method === undefined),
    "code_challenge and code_challenge_method (S256) must be sent together",
  );

export const stepFormSchema = z.object({
  tx: z.string().min(1).max(100),
  step: z.enum(["userid", "method", "app", "password", "otp", "psd2-failed", "cpr", "pick"]),
  action: z.string().max(40),
  userId: z.string().max(200).optional(),
  pin: z.string().max(20).optional(),
  password: z.string().max(200).optional(),
  otp: z.string().max(20).optional(),
  cpr: z.string().max(20).optional(),
  remember: z.literal("yes").optional(),
  choice: z.string().max(100).optional(),
});

export type StepForm = z.infer<typeof stepFormSchema>;

/** Back to the client, with the `state` and `iss` the client's misbehaviour mode may bend. */
function redirectBack(
  c: Context,
  state: SignicatState,
  tx: SignicatTransaction,
  params: Record<string, string>,
) {
  const response = misbehavingResponse(
    state.misbehaviour.of(tx.clientId),
    { state: tx.state, issuer: state.issuer(tx.dialect) },
    "signicat",
  );
  return redirectToClient(c, tx.redirectUri, { ...params, state: response.state }, { iss: response.iss });
}

function errorPage(c: Context, message: string) {
  return sendPage(c, messagePage(t("signicat.cannotLogOn"), message), 400);
}

/** The MitID log-on of one platform: authorize (GET), then one form post per screen (POST). */
export function webLoginRoutes(state: SignicatState, dialect: PlatformDialect): Hono {
  const app = new Hono();
  const { settings } = state;
  const path = dialect.endpoints.authorize;

  app.get(path, async (c) => {
    const query = queryParams(c);
    if (!query) return errorPage(c, t("signicat.errors.repeatedParameter"));
    const clientId = query.client_id;
    if (state.clientSecret(clientId) === undefined || clientId === undefined) {
      return errorPage(c, t("signicat.errors.unknownClient"));
    }
    const redirectUri = query.redirect_uri;
    if (redirectUri === undefined || !settings.redirectUris.includes(redirectUri)) {
      return errorPage(c, t("signicat.errors.redirectUri"));
    }
    const pending: SignicatTransaction = {
      dialect,
      clientId,
      redirectUri,
      scope: "",
      state: query.state,
      nonce: undefined,
      codeChallenge: undefined,
      wants: { cprMatch: false, business: false, privateForBusiness: false },
      minLevel: "LOW",
      prefilledCpr: undefined,
      cvr: undefined,
      stepUpFrom: undefined,
      step: "userid",
      cprAttempts: 0,
    };
    const fail = (error: string, description: string) =>
      redirectBack(c, state, pending, { error, error_description: description });

    const parsed = authorizeQuerySchema.safeParse(query);
    if (!parsed.success) return fail("invalid_request", firstIssue(parsed.error));
    const q = parsed.data;

    // Query parameters, overridden by the request object's (OIDC Core §6.3.3).
    let params: Record<string, unknown> = { ...q };
    if (q.request !== undefined) {
      const opened = await openRequestObject(state, dialect, clientId, q.request);
      if (!opened.ok) return fail("invalid_request_object", opened.description);
      params = { ...params, ...opened.claims };
    }
    const scopeText = typeof params.scope === "string" ? params.scope : q.scope;
    const acrValues = typeof params.acr_values === "string" ? params.acr_values : undefined;
    const acr = readAcrValues(dialect, acrValues);
    if (!acr.ok) return fail("invalid_request", acr.description);

    // Prefills exist on Enterprise only; a CPR (`subject-…`) counts only inside an encrypted
    // request, so that no CPR ends up in a browser history or a log.
    let hints: LoginHints = {};
    if (dialect.prefills) {
      const urlHints = parseLoginHints(q.login_hint);
      delete urlHints.subject;
      hints = q.request !== undefined ? { ...urlHints, ...parseLoginHints(params.login_hint) } : urlHints;
    }

    // MitID Session Transfer: its prefills count only inside a request object (a code in a URL
    // would sit in a browser history), on both platforms (the eID Hub's syntax is unconfirmed).
    const urlHints = parseLoginHints(q.login_hint);
    if (urlHints.transferCode !== undefined || urlHints.transferText !== undefined) {
      return fail("invalid_request", "session transfer prefills must travel inside the request object");
    }
    const transferHints = q.request !== undefined ? parseLoginHints(params.login_hint) : {};

    const requested = [hints.assuranceLevel, acr.minLevel].filter((l): l is Level => l !== undefined);
    const minLevel = requested.reduce<Level>((a, b) => (levelRank(b) > levelRank(a) ? b : a), "LOW");
    const scope = [...new Set(scopeText.split(" ").filter((s) => dialect.scopes.includes(s)))].join(" ");
    const tx: SignicatTransaction = {
      ...pending,
      scope,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      wants: wantsFromScope(dialect, scope),
      minLevel,
      prefilledCpr: hints.subject,
      cvr: hints.cvr,
    };

    if (transferHints.transferCode !== undefined) {
      const redeemed = state.transfer.redeem(
        transferHints.transferCode,
        clientId,
        transferHints.transferText,
      );
      if (!redeemed.ok) return fail("access_denied", redeemed.description);
      // "the transaction will complete immediately": no MitID screens, the first login's identity.
      const { cta } = redeemed;
      const code = issueCode(state, tx, {
        mitidUuid: cta.mitidUuid,
        ial: cta.ial,
        aal: cta.aal,
        loa: cta.loa,
        authTime: cta.authTime,
      });
      return redirectBack(c, state, tx, { code });
    }

    if (hints.authTokenId !== undefined) {
      const record = state.authTokens.get(hints.authTokenId);
      // A step-up must be for this client and aim higher than the login it builds on.
      const persona = findPersonaByUuid(record?.mitidUuid);
      if (
        !record ||
        !persona ||
        record.clientId !== clientId ||
        levelRank(minLevel) <= levelRank(record.loa)
      ) {
        return fail("access_denied", "the step-up is not possible for this auth_token_id");
      }
      tx.stepUpFrom = record;
      tx.personaUserId = persona.userId;
      tx.step = "method";
      const txId = randomId();
      state.saveTransaction(txId, tx);
      return sendPage(c, methodScreen(txId, tx));
    }

    const txId = randomId();
    state.saveTransaction(txId, tx);
    return sendPage(c, userIdPage(txId, serviceName(settings.clientNames, clientId)));
  });

  app.post(
    path,
    pageForm(stepFormSchema, (c) => errorPage(c, t("signicat.errors.badForm"))),
    async (c) => {
      const form = c.req.valid("form");
      const tx = state.transactions.get(form.tx);
      if (!tx || tx.dialect !== dialect) return errorPage(c, t("signicat.errors.unknownTransaction"));
      if (form.step !== tx.step) return errorPage(c, t("signicat.errors.outOfDate"));
      const back = (params: Record<string, string>) => {
        state.transactions.delete(form.tx);
        return redirectBack(c, state, tx, params);
      };
      const ctx: StepContext = {
        c,
        state,
        txId: form.tx,
        tx,
        form,
        show: showPage(c),
        fail: (error) => back(error.error_description === undefined ? { error: error.error } : { ...error }),
        succeed: (code) => back({ code }),
      };
      if (form.action === "cancel") return cancelled(ctx);
      return STEPS[form.step](ctx);
    },
  );

  return app;
}
