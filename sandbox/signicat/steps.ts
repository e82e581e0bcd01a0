import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { t } from "../shared/i18n";
import { sendPage, type Html } from "../shared/layout";
import { randomId } from "../shared/random";
import { serviceName } from "../shared/client-names";
import { secretsEqual } from "../shared/secrets";
import {
  appPage,
  cprPage,
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
  levelRank,
  lowerLevel,
  SANDBOX_CREDENTIALS,
  VIRK_SIGNATORY_REGISTER,
  type Level,
  type MitidPersona,
} from "./personas";
import { LACKS_SIGNATORY_RIGHTS } from "./platform";
import type { SignicatState, SignicatTransaction, Step } from "./state";
import type { StepForm } from "./web-login";

export const MAX_CPR_ATTEMPTS = 3;

/** What every step handler gets: the login, the form it answers, and the ways to answer. */
export interface StepContext {
  c: Context;
  state: SignicatState;
  txId: string;
  tx: SignicatTransaction;
  form: StepForm;
  show: (page: Html, status?: 200 | 400) => Response | Promise<Response>;
  /** Back to the client with an error (RFC 6749 §4.1.2.1); the login ends. */
  fail: (error: { error: string; error_description?: string }) => Response;
  /** Back to the client with a code. */
  succeed: (code: string) => Response;
}

type StepHandler = (ctx: StepContext) => Response | Promise<Response>;

/** The name the MitID screens give the service that asks: its display name, not its client id. */
function service({ state, tx }: StepContext): string {
  return serviceName(state.settings.clientNames, tx.clientId);
}

/** What the app offers at a minimum level: a PIN approves SUBSTANTIAL, biometrics HIGH. */
function appOptions(minLevel: Level) {
  return { pin: levelRank(minLevel) <= levelRank("SUBSTANTIAL"), biometrics: true };
}

/** The code display (password + one-time code) reaches SUBSTANTIAL. */
function codeDisplayAllowed(minLevel: Level) {
  return levelRank(minLevel) <= levelRank("SUBSTANTIAL");
}

export function methodScreen(txId: string, tx: SignicatTransaction): Html {
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

function pickScreen({ txId, tx }: StepContext, p: MitidPersona): Html {
  const choices = representationChoices(p, tx);
  return tx.wants.business
    ? pickPage(txId, t("signicat.pick.businessHeading"), t("signicat.pick.businessIntro"), choices)
    : pickPage(txId, t("signicat.pick.companyHeading"), t("signicat.pick.companyIntro"), choices);
}

function persona(ctx: StepContext): MitidPersona | undefined {
  return findPersonaByUserId(ctx.tx.personaUserId);
}

/** The user left: each platform says so its own way (platform.ts). */
export function cancelled(ctx: StepContext): Response {
  return ctx.fail(ctx.tx.dialect.cancel);
}

/** The authenticator is done; the level is what it reached, capped by the identity's IAL. */
function authenticated(ctx: StepContext, aal: Level) {
  const { tx } = ctx;
  const p = persona(ctx);
  if (!p) return cancelled(ctx);
  tx.aal = aal;
  if (levelRank(lowerLevel(p.ial, aal)) < levelRank(tx.minLevel)) {
    return ctx.show(methodScreen(ctx.txId, tx), 400);
  }
  if (tx.stepUpFrom) {
    tx.cpr = tx.stepUpFrom.cpr;
    tx.representation = tx.stepUpFrom.representation;
    return complete(ctx, p);
  }
  if (tx.wants.cprMatch) return startCprMatch(ctx, p);
  return afterCprMatch(ctx, p);
}

/** Sources in Signicat's order: prefilled subject (Enterprise), the remembered CPR, the user. */
function startCprMatch(ctx: StepContext, p: MitidPersona) {
  const { tx, state } = ctx;
  if (p.dedicatedBusiness) {
    return ctx.fail(tx.dialect.refused("CPR matching is not possible for a dedicated business identity"));
  }
  if (tx.prefilledCpr && p.cpr !== null && secretsEqual(tx.prefilledCpr, p.cpr)) {
    tx.cpr = { source: "prefilled" };
    return afterCprMatch(ctx, p);
  }
  const cached = state.cprCache.get(tx.clientId, p.mitidUuid);
  if (cached && p.cpr !== null && secretsEqual(cached, p.cpr)) {
    tx.cpr = { source: "database" };
    return afterCprMatch(ctx, p);
  }
  tx.step = "cpr";
  return ctx.show(cprPage(ctx.txId));
}

function afterCprMatch(ctx: StepContext, p: MitidPersona) {
  const { tx } = ctx;
  if (!tx.wants.business && !tx.wants.privateForBusiness) return complete(ctx, p);
  if (representationChoices(p, tx).length === 0) {
    return ctx.fail(
      tx.cvr
        ? { error: "access_denied", error_description: LACKS_SIGNATORY_RIGHTS }
        : tx.dialect.refused("no business identity to choose"),
    );
  }
  tx.step = "pick";
  return ctx.show(pickScreen(ctx, p));
}

function complete(ctx: StepContext, p: MitidPersona) {
  const { tx, state } = ctx;
  // The user got through MitID; the misbehaving broker refuses anyway, with no description.
  if (state.misbehaviour.of(tx.clientId) === "access_denied") return ctx.fail({ error: "access_denied" });
  const aal = tx.aal ?? "SUBSTANTIAL";
  const loa = lowerLevel(p.ial, aal);
  let authTokenId: string | undefined;
  if (tx.dialect.authTokenIds) {
    authTokenId = `mitid:${randomUUID()}`;
    state.saveAuthToken(authTokenId, {
      platform: tx.dialect.platform,
      clientId: tx.clientId,
      mitidUuid: p.mitidUuid,
      loa,
      cpr: tx.cpr,
      representation: tx.representation,
    });
  }
  const code = issueCode(
    state,
    tx,
    { mitidUuid: p.mitidUuid, ial: p.ial, aal, loa, authTime: state.now() },
    authTokenId,
  );
  return ctx.succeed(code);
}

/**
 * The authorization code of a finished login; for a client set up for MitID Session Transfer
 * the login also gets its `signicat.cta_id`. A transferred login (web-login.ts) comes here too.
 */
export function issueCode(
  state: SignicatState,
  tx: SignicatTransaction,
  who: { mitidUuid: string; ial: Level; aal: Level; loa: Level; authTime: number },
  authTokenId?: string,
): string {
  const platform = tx.dialect.platform;
  // ENT-MITID documents the claim for Enterprise only; the eID Hub's docs do not show it.
  const ctaId =
    platform === "enterprise" && state.transfer.enabledFor(tx.clientId)
      ? state.transfer.newCta({ clientId: tx.clientId, platform, ...who })
      : undefined;
  const code = randomId();
  state.saveCode(code, {
    platform,
    clientId: tx.clientId,
    redirectUri: tx.redirectUri,
    codeChallenge: tx.codeChallenge,
    scope: tx.scope,
    nonce: tx.nonce,
    mitidUuid: who.mitidUuid,
    ial: who.ial,
    aal: who.aal,
    loa: who.loa,
    cpr: tx.cpr,
    representation: tx.representation,
    authTokenId,
    ...(ctaId ? { ctaId } : {}),
    transactionId: randomUUID(),
    authTime: who.authTime,
  });
  return code;
}

/** The MitID screens as a table: each step answers its own form, and names the next step. */
export const STEPS: Record<Step, StepHandler> = {
  userid(ctx) {
    const found = findPersonaByUserId(ctx.form.userId);
    if (!found) return ctx.show(userIdPage(ctx.txId, service(ctx), t("signicat.userId.unknown")), 400);
    ctx.tx.personaUserId = found.userId;
    ctx.tx.step = "method";
    return ctx.show(methodScreen(ctx.txId, ctx.tx));
  },

  method({ form, tx, txId, show }) {
    if (form.action === "app") {
      tx.step = "app";
      return show(appPage(txId, appOptions(tx.minLevel)));
    }
    if (form.action === "codedisplay" && codeDisplayAllowed(tx.minLevel)) {
      tx.step = "password";
      return show(passwordPage(txId));
    }
    return show(methodScreen(txId, tx), 400);
  },

  app(ctx) {
    const { form, tx, txId, state, show } = ctx;
    const options = appOptions(tx.minLevel);
    if (form.action === "biometrics") return authenticated(ctx, "HIGH");
    if (form.action === "pin" && options.pin) {
      if (form.pin !== undefined && secretsEqual(form.pin, SANDBOX_CREDENTIALS.appPin)) {
        return authenticated(ctx, "SUBSTANTIAL");
      }
      if (state.psd2(tx.clientId)) {
        tx.step = "psd2-failed";
        return show(psd2FailedPage(txId), 400);
      }
      return show(appPage(txId, { ...options, error: t("signicat.app.wrongPin") }), 400);
    }
    return show(appPage(txId, options), 400);
  },

  password({ form, tx, txId, state, show }) {
    const ok = form.password !== undefined && secretsEqual(form.password, SANDBOX_CREDENTIALS.password);
    if (!ok && !state.psd2(tx.clientId)) return show(passwordPage(txId, t("signicat.password.wrong")), 400);
    // PSD2 mode: carry on to the next factor without a word about the first one.
    tx.factorFailed = !ok;
    tx.step = "otp";
    return show(otpPage(txId));
  },

  otp(ctx) {
    const { form, tx, txId, state, show } = ctx;
    const ok = form.otp !== undefined && secretsEqual(form.otp, SANDBOX_CREDENTIALS.otp);
    if (state.psd2(tx.clientId)) {
      if (!ok || tx.factorFailed) {
        tx.step = "psd2-failed";
        return show(psd2FailedPage(txId), 400);
      }
    } else if (!ok) {
      return show(otpPage(txId, t("signicat.otp.wrong")), 400);
    }
    return authenticated(ctx, "SUBSTANTIAL");
  },

  "psd2-failed"(ctx) {
    const { tx, txId, show } = ctx;
    tx.factorFailed = false;
    if (tx.stepUpFrom) {
      tx.step = "method";
      return show(methodScreen(txId, tx));
    }
    tx.step = "userid";
    tx.personaUserId = undefined;
    return show(userIdPage(txId, service(ctx)));
  },

  cpr(ctx) {
    const { form, tx, txId, state, show } = ctx;
    const p = persona(ctx);
    if (!p) return cancelled(ctx);
    const typed = (form.cpr ?? "").replace(/[\s-]/g, "");
    if (/^\d{10}$/.test(typed) && p.cpr !== null && secretsEqual(typed, p.cpr)) {
      tx.cpr = { source: "user" };
      if (form.remember === "yes") state.cprCache.remember(tx.clientId, p.mitidUuid, p.cpr);
      return afterCprMatch(ctx, p);
    }
    tx.cprAttempts += 1;
    const left = MAX_CPR_ATTEMPTS - tx.cprAttempts;
    if (left <= 0) return ctx.fail(tx.dialect.refused("the CPR number could not be matched"));
    return show(cprPage(txId, t("signicat.cpr.noMatch", { left })), 400);
  },

  pick(ctx) {
    const { form, tx, show } = ctx;
    const p = persona(ctx);
    if (!p) return cancelled(ctx);
    const chosen = representationChoices(p, tx).find((choice) => choice.value === form.choice);
    if (!chosen) return show(pickScreen(ctx, p), 400);
    if (tx.wants.business) {
      const identity = p.businessIdentities.find((b) => b.employeeUuid === chosen.value);
      if (!identity) return show(pickScreen(ctx, p), 400);
      tx.representation = { kind: "business", identity };
    } else {
      tx.representation = { kind: "company", cvr: chosen.value, name: chosen.label };
    }
    return complete(ctx, p);
  },
};

/** Sends a page of the login (kept here so the steps need no Hono context of their own). */
export function showPage(c: Context) {
  return (page: Html, status: 200 | 400 = 200) => sendPage(c, page, status);
}
