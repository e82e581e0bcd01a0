import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { formParams, queryParams } from "../shared/forms";
import { t } from "../shared/i18n";
import { sendPage, type Html } from "../shared/layout";
import { misbehavingResponse } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import { secretsEqual } from "../shared/secrets";
import {
  codeChallengeSchema,
  firstIssue,
  nonceSchema,
  responseTypeSchema,
  scopeSchema,
} from "../shared/oauth-params";
import {
  appPage,
  cprPage,
  messagePage,
  methodPage,
  otpPage,
  passwordPage,
  pickPage,
  psd2FailedPage,
  userIdPage,
  type PickChoice,
} from "./pages";
import {
  findPersonaByUserId,
  findPersonaByUuid,
  levelRank,
  lowerLevel,
  SANDBOX_CREDENTIALS,
  VIRK_SIGNATORY_REGISTER,
  type Level,
  type MitidPersona,
} from "./personas";
import { levelFromAcrValues, openRequestObject, parseLoginHints, type LoginHints } from "./request-params";
import type { LoginWants, SignicatState, SignicatTransaction } from "./state";

/**
 * Signicat's error codes in `error_description`. `usercancel` and the CVR one are documented;
 * the others are the sandbox's choice (README: unconfirmed facts).
 */
export const SIGNICAT_ERRORS = {
  cancel: "urn:signicat:error:usercancel",
  lacksSignatoryRights: "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR",
  cprMatchFailed: "urn:signicat:error:CPR_MATCH_FAILED_ERROR",
  cprMatchBusinessIdentity: "urn:signicat:error:CPR_MATCH_NOT_POSSIBLE_FOR_BUSINESS_IDENTITY_ERROR",
  noBusinessIdentity: "urn:signicat:error:NO_BUSINESS_IDENTITY_ERROR",
  stepUpRefused: "urn:signicat:error:STEP_UP_REFUSED_ERROR",
} as const;

export const MAX_CPR_ATTEMPTS = 3;

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
    request: z.string().max(20_000).optional(),
  })
  .refine(
    (q) => (q.code_challenge === undefined) === (q.code_challenge_method === undefined),
    "code_challenge and code_challenge_method (S256) must be sent together",
  );

const stepFormSchema = z.object({
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

/** Which add-ons a login runs, decided by its scopes (Signicat decides it per configured method). */
export function wantsFromScope(scope: string): LoginWants {
  const scopes = scope.split(" ");
  return {
    cprMatch: scopes.includes("nin"),
    business: scopes.includes("mitid.business"),
    privateForBusiness: scopes.includes("signicat.organization") && !scopes.includes("mitid.business"),
  };
}

/** The scopes the broker knows (its discovery document lists them too). */
export const SUPPORTED_SCOPES = [
  "openid",
  "profile",
  "idp-id",
  "nin",
  "mitid-extra",
  "signicat.organization",
  "mitid.business",
];

/**
 * Sends the browser back to the client: RFC 6749 §4.1.2 plus the RFC 9207 `iss` parameter, as
 * the client's misbehaviour mode may bend them (a forged or missing state, another issuer).
 */
function redirectToClient(
  c: Context,
  state: SignicatState,
  tx: SignicatTransaction,
  params: Record<string, string>,
) {
  const response = misbehavingResponse(
    state.misbehaviour.of(tx.clientId),
    { state: tx.state, issuer: state.settings.issuer },
    "signicat",
  );
  const url = new URL(tx.redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (response.state !== undefined) url.searchParams.set("state", response.state);
  url.searchParams.set("iss", response.iss);
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.redirect(url.toString(), 303);
}

function errorPage(c: Context, message: string) {
  return sendPage(c, messagePage(t("signicat.cannotLogOn"), message), 400);
}

/** What the app offers at a minimum level: a PIN approves SUBSTANTIAL, biometrics HIGH. */
function appOptions(minLevel: Level) {
  return { pin: levelRank(minLevel) <= levelRank("SUBSTANTIAL"), biometrics: true };
}

/** The code display (password + one-time code) reaches SUBSTANTIAL. */
function codeDisplayAllowed(minLevel: Level) {
  return levelRank(minLevel) <= levelRank("SUBSTANTIAL");
}

function methodScreen(txId: string, tx: SignicatTransaction): Html {
  return methodPage(txId, {
    app: true,
    codeDisplay: codeDisplayAllowed(tx.minLevel),
    stepUp: tx.stepUpFrom !== undefined,
    minLevel: tx.minLevel,
  });
}

/** Companies a person can act for, for the add-on this login runs, with the CVR prefill applied. */
function representationChoices(persona: MitidPersona, tx: SignicatTransaction): PickChoice[] {
  const all: PickChoice[] = tx.wants.business
    ? persona.businessIdentities.map((b) => ({
        value: b.employeeUuid,
        label: b.organisation.name,
        detail: `CVR ${b.organisation.cvr}`,
      }))
    : (persona.cpr ? (VIRK_SIGNATORY_REGISTER[persona.cpr] ?? []) : []).map((company) => ({
        value: company.cvr,
        label: company.name,
        detail: `CVR ${company.cvr}`,
      }));
  if (!tx.cvr) return all;
  return all.filter((choice) => choice.detail === `CVR ${tx.cvr}`);
}

/** The MitID log-on screens, CPR matching and the business choice, from authorize to the code. */
export function loginFlowRoutes(state: SignicatState): Hono {
  const app = new Hono();
  const { settings } = state;

  app.get("/connect/authorize", async (c) => {
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
      redirectToClient(c, state, pending, { error, error_description: description });

    const parsed = authorizeQuerySchema.safeParse(query);
    if (!parsed.success) return fail("invalid_request", firstIssue(parsed.error));
    const q = parsed.data;

    // Hints in the URL may carry anything but a CPR: Signicat ignores `subject-…` outside an
    // encrypted request so that no CPR ends up in a browser history or a log.
    const urlHints = parseLoginHints(q.login_hint);
    delete urlHints.subject;
    let hints: LoginHints = urlHints;
    let acrValues = q.acr_values;
    if (q.request !== undefined) {
      const opened = await openRequestObject(state, clientId, q.request);
      if (!opened.ok) return fail("invalid_request_object", opened.description);
      hints = { ...urlHints, ...parseLoginHints(opened.claims.login_hint) };
      if (typeof opened.claims.acr_values === "string") acrValues = opened.claims.acr_values;
    }

    const requested = [hints.assuranceLevel, levelFromAcrValues(acrValues)].filter(
      (level): level is Level => level !== undefined,
    );
    const minLevel = requested.reduce<Level>((a, b) => (levelRank(b) > levelRank(a) ? b : a), "LOW");

    const scope = [...new Set(q.scope.split(" ").filter((s) => SUPPORTED_SCOPES.includes(s)))].join(" ");
    const tx: SignicatTransaction = {
      ...pending,
      scope,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      wants: wantsFromScope(scope),
      minLevel,
      prefilledCpr: hints.subject,
      cvr: hints.cvr,
    };

    if (hints.authTokenId !== undefined) {
      const record = state.authTokens.get(hints.authTokenId);
      // A step-up must be for this client and aim higher than the login it builds on.
      if (!record || record.clientId !== clientId || levelRank(minLevel) <= levelRank(record.loa)) {
        return fail("access_denied", SIGNICAT_ERRORS.stepUpRefused);
      }
      const persona = findPersonaByUuid(record.mitidUuid);
      if (!persona) return fail("access_denied", SIGNICAT_ERRORS.stepUpRefused);
      tx.stepUpFrom = record;
      tx.personaUserId = persona.userId;
      tx.step = "method";
      const txId = randomId();
      state.saveTransaction(txId, tx);
      return sendPage(c, methodScreen(txId, tx));
    }

    const txId = randomId();
    state.saveTransaction(txId, tx);
    return sendPage(c, userIdPage(txId));
  });

  app.post("/connect/authorize", async (c) => {
    const parsed = stepFormSchema.safeParse((await formParams(c)) ?? {});
    if (!parsed.success) return errorPage(c, t("signicat.errors.badForm"));
    const form = parsed.data;
    const txId = form.tx;
    const tx = state.transactions.get(txId);
    if (!tx) return errorPage(c, t("signicat.errors.unknownTransaction"));
    if (form.step !== tx.step) {
      return errorPage(c, t("signicat.errors.outOfDate"));
    }
    const back = (params: Record<string, string>) => {
      state.transactions.delete(txId);
      return redirectToClient(c, state, tx, params);
    };
    const fail = (description: string) => back({ error: "access_denied", error_description: description });
    if (form.action === "cancel") return fail(SIGNICAT_ERRORS.cancel);

    const persona = findPersonaByUserId(tx.personaUserId);
    const show = (html: Html, status: 200 | 400 = 200) => sendPage(c, html, status);

    switch (form.step) {
      case "userid": {
        const found = findPersonaByUserId(form.userId);
        if (!found) return show(userIdPage(txId, t("signicat.userId.unknown")), 400);
        tx.personaUserId = found.userId;
        tx.step = "method";
        return show(methodScreen(txId, tx));
      }
      case "method": {
        if (form.action === "app") {
          tx.step = "app";
          return show(appPage(txId, appOptions(tx.minLevel)));
        }
        if (form.action === "codedisplay" && codeDisplayAllowed(tx.minLevel)) {
          tx.step = "password";
          return show(passwordPage(txId));
        }
        return show(methodScreen(txId, tx), 400);
      }
      case "app": {
        const options = appOptions(tx.minLevel);
        if (form.action === "biometrics") return authenticated("HIGH");
        if (form.action === "pin" && options.pin) {
          if (form.pin !== undefined && secretsEqual(form.pin, SANDBOX_CREDENTIALS.appPin)) {
            return authenticated("SUBSTANTIAL");
          }
          if (state.psd2(tx.clientId)) {
            tx.step = "psd2-failed";
            return show(psd2FailedPage(txId), 400);
          }
          return show(appPage(txId, { ...options, error: t("signicat.app.wrongPin") }), 400);
        }
        return show(appPage(txId, options), 400);
      }
      case "password": {
        const ok = form.password !== undefined && secretsEqual(form.password, SANDBOX_CREDENTIALS.password);
        if (!ok && !state.psd2(tx.clientId)) {
          return show(passwordPage(txId, t("signicat.password.wrong")), 400);
        }
        // PSD2 mode: carry on to the next factor without a word about the first one.
        tx.factorFailed = !ok;
        tx.step = "otp";
        return show(otpPage(txId));
      }
      case "otp": {
        const ok = form.otp !== undefined && secretsEqual(form.otp, SANDBOX_CREDENTIALS.otp);
        if (state.psd2(tx.clientId)) {
          if (!ok || tx.factorFailed) {
            tx.step = "psd2-failed";
            return show(psd2FailedPage(txId), 400);
          }
        } else if (!ok) {
          return show(otpPage(txId, t("signicat.otp.wrong")), 400);
        }
        return authenticated("SUBSTANTIAL");
      }
      case "psd2-failed": {
        tx.factorFailed = false;
        if (tx.stepUpFrom) {
          tx.step = "method";
          return show(methodScreen(txId, tx));
        }
        tx.step = "userid";
        tx.personaUserId = undefined;
        return show(userIdPage(txId));
      }
      case "cpr": {
        if (!persona) return fail(SIGNICAT_ERRORS.cancel);
        const typed = (form.cpr ?? "").replace(/[\s-]/g, "");
        if (/^\d{10}$/.test(typed) && persona.cpr !== null && secretsEqual(typed, persona.cpr)) {
          tx.cpr = { source: "user" };
          if (form.remember === "yes") state.cprCache.remember(tx.clientId, persona.mitidUuid, persona.cpr);
          return afterCprMatch(persona);
        }
        tx.cprAttempts += 1;
        const left = MAX_CPR_ATTEMPTS - tx.cprAttempts;
        if (left <= 0) return fail(SIGNICAT_ERRORS.cprMatchFailed);
        return show(cprPage(txId, t("signicat.cpr.noMatch", { left })), 400);
      }
      case "pick": {
        if (!persona) return fail(SIGNICAT_ERRORS.cancel);
        const choices = representationChoices(persona, tx);
        const chosen = choices.find((choice) => choice.value === form.choice);
        if (!chosen) return show(pickScreen(persona), 400);
        if (tx.wants.business) {
          const identity = persona.businessIdentities.find((b) => b.employeeUuid === chosen.value);
          if (!identity) return show(pickScreen(persona), 400);
          tx.representation = { kind: "business", identity };
        } else {
          tx.representation = { kind: "company", cvr: chosen.value, name: chosen.label };
        }
        return complete(persona);
      }
    }

    function pickScreen(p: MitidPersona): Html {
      return tx!.wants.business
        ? pickPage(
            txId,
            t("signicat.pick.businessHeading"),
            t("signicat.pick.businessIntro"),
            representationChoices(p, tx!),
          )
        : pickPage(
            txId,
            t("signicat.pick.companyHeading"),
            t("signicat.pick.companyIntro"),
            representationChoices(p, tx!),
          );
    }

    /** The authenticator is done; the level is what it reached, capped by the identity's IAL. */
    function authenticated(aal: Level) {
      const p = findPersonaByUserId(tx!.personaUserId);
      if (!p) return fail(SIGNICAT_ERRORS.cancel);
      tx!.aal = aal;
      if (levelRank(lowerLevel(p.ial, aal)) < levelRank(tx!.minLevel)) {
        return show(methodScreen(txId, tx!), 400);
      }
      if (tx!.stepUpFrom) {
        tx!.cpr = tx!.stepUpFrom.cpr;
        tx!.representation = tx!.stepUpFrom.representation;
        return complete(p);
      }
      if (tx!.wants.cprMatch) return startCprMatch(p);
      return afterCprMatch(p);
    }

    /** Sources in Signicat's order: prefilled subject, then the remembered CPR, then the user. */
    function startCprMatch(p: MitidPersona) {
      if (p.dedicatedBusiness) return fail(SIGNICAT_ERRORS.cprMatchBusinessIdentity);
      if (tx!.prefilledCpr && p.cpr !== null && secretsEqual(tx!.prefilledCpr, p.cpr)) {
        tx!.cpr = { source: "prefilled" };
        return afterCprMatch(p);
      }
      const cached = state.cprCache.get(tx!.clientId, p.mitidUuid);
      if (cached && p.cpr !== null && secretsEqual(cached, p.cpr)) {
        tx!.cpr = { source: "database" };
        return afterCprMatch(p);
      }
      tx!.step = "cpr";
      return show(cprPage(txId));
    }

    function afterCprMatch(p: MitidPersona) {
      if (!tx!.wants.business && !tx!.wants.privateForBusiness) return complete(p);
      const choices = representationChoices(p, tx!);
      if (choices.length === 0) {
        return fail(tx!.cvr ? SIGNICAT_ERRORS.lacksSignatoryRights : SIGNICAT_ERRORS.noBusinessIdentity);
      }
      tx!.step = "pick";
      return show(pickScreen(p));
    }

    function complete(p: MitidPersona) {
      const t = tx!;
      // The user got through MitID; the misbehaving broker refuses anyway, with no description.
      if (state.misbehaviour.of(t.clientId) === "access_denied") return back({ error: "access_denied" });
      const aal = t.aal ?? "SUBSTANTIAL";
      const loa = lowerLevel(p.ial, aal);
      const authTokenId = `mitid:${randomUUID()}`;
      state.saveAuthToken(authTokenId, {
        clientId: t.clientId,
        mitidUuid: p.mitidUuid,
        loa,
        cpr: t.cpr,
        representation: t.representation,
      });
      const code = randomId();
      state.saveCode(code, {
        clientId: t.clientId,
        redirectUri: t.redirectUri,
        codeChallenge: t.codeChallenge,
        scope: t.scope,
        nonce: t.nonce,
        mitidUuid: p.mitidUuid,
        ial: p.ial,
        aal,
        loa,
        cpr: t.cpr,
        representation: t.representation,
        authTokenId,
        transactionId: randomUUID(),
        authTime: state.now(),
      });
      return back({ code });
    }
  });

  return app;
}
