/**
 * A partner service of the portal, in the sandbox: a second MitID service provider behind the
 * same broker, so a MitID Session Transfer runs both ways on one machine (docs/sandbox.md).
 * It is written from the documentation, independently of the portal, so the two sides of a
 * transfer are not one implementation checked against itself.
 *
 * - Receiving (SP-B): `POST /signicat/partner/handover` takes the portal's hand-over (the form
 *   post docs/providers/signicat.md describes), and logs in at once with the prefills inside an
 *   encrypted request object (Enterprise).
 * - Initiating (SP-A): a MitID login at the partner carries `signicat.cta_id`; "Continue to the
 *   portal" asks the Session Transfer API for a code and posts the hand-over to the portal.
 *
 * Its exchanges with the broker are in-process (it is the broker's own sandbox); what goes
 * through the browser (authorize, hand-overs) is real HTTP.
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { html, raw } from "hono/html";
import { CompactEncrypt, importJWK } from "jose";
import { z } from "zod";
import { sandboxError } from "../shared/errors";
import { formParams } from "../shared/forms";
import { urlencodedForm } from "../shared/validate";
import { t } from "../shared/i18n";
import { page, type Html } from "../shared/layout";
import { randomId } from "../shared/random";
import { TtlStore } from "../shared/ttl-store";
import { findPersonaByUuid } from "./personas";
import { ENTERPRISE } from "./platform";
import { SANDBOX_BROKER_ID, serviceProviderId, TRANSFER_ERRORS } from "./session-transfer";
import type { SignicatState } from "./state";

export interface PartnerSettings {
  clientId: string;
  name: string;
  /** Portals the partner hands over to: their Signicat client id → base URL. */
  portals: Record<string, string>;
  /** Names of those portals, by client id. */
  portalName: (clientId: string) => string;
  /** `${issuerBase}/signicat/partner`. */
  base: string;
}

/** How late a hand-over may arrive at the partner, as the portal's default. */
const MAX_HANDOVER_AGE_SECONDS = 60;
const SESSION_TTL_MS = 60 * 60_000;
const COOKIE = "sandbox_partner_session";

interface PartnerSession {
  name?: string;
  mitidUuid?: string;
  ctaId?: string;
  transferredFrom?: string;
  /** OAuth state of the login in progress, and who is handing over in it. */
  pending?: { state: string; from?: string; hints: string[] };
  /** The last hand-over's prefills, for the "redeem again" test button. */
  lastHints?: string[];
  lastFrom?: string;
  /** The last code this partner handed over, for the "same code twice" test mode. */
  lastSent?: { portal: string; code: string; text: string | undefined };
}

/** Test switches for the next hand-over the partner sends or redeems. */
const handoverModes = ["normal", "wrong-text", "expired", "late", "reuse"] as const;

const handoverFormSchema = z.object({
  transfer_token_exchange_code: z.string().min(8).max(200),
  transfer_token_text: z.string().min(1).max(1000).optional(),
  sender: z.string().min(1).max(200),
  issued_at: z.coerce.number().int().min(0),
});

const transferFormSchema = z.object({
  portal: z.string().min(1).max(200),
  text: z.enum(["yes", "no"]).default("yes"),
  mode: z.enum(handoverModes).default("normal"),
});

/** The inline script of the hand-over page, allowed by its hash and nothing else. */
const AUTO_SUBMIT = "document.getElementById('handover').submit();";
const AUTO_SUBMIT_HASH = createHash("sha256").update(AUTO_SUBMIT).digest("base64");

function partnerPage(settings: PartnerSettings, heading: string, body: Html): Html {
  return page(
    heading,
    html`<div class="card">
      <span class="badge">${t("signicat.partner.badge")}</span>
      <p class="muted">${settings.name}</p>
      <h1>${heading}</h1>
      ${body}
    </div>`,
  );
}

function send(c: Context, content: Html, status: 200 | 400 | 403 = 200, csp?: string) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  c.header(
    "Content-Security-Policy",
    csp ?? "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  );
  return c.html(content, status);
}

const FAILURE_HEADINGS: Record<string, "textMismatch" | "expired" | "used" | "other"> = {
  [TRANSFER_ERRORS.textMismatch]: "textMismatch",
  [TRANSFER_ERRORS.expired]: "expired",
  [TRANSFER_ERRORS.used]: "used",
};

export function partnerRoutes(state: SignicatState, settings: PartnerSettings): Hono {
  const app = new Hono();
  const sessions = new TtlStore<PartnerSession>({ now: state.now });
  /** One-shot switch for the next redemption (`POST /partner/control/next-redemption`). */
  let nextRedemption: "normal" | "wrong-text" = "normal";
  const redirectUri = `${settings.base}/callback`;
  const issuer = state.issuer(ENTERPRISE);

  const sessionOf = (c: Context): { id: string; session: PartnerSession } => {
    const existing = getCookie(c, COOKIE);
    const found = existing ? sessions.get(existing) : undefined;
    if (existing && found) return { id: existing, session: found };
    const id = randomId();
    const session: PartnerSession = {};
    sessions.set(id, session, SESSION_TTL_MS);
    setCookie(c, COOKIE, id, { httpOnly: true, sameSite: "Lax", path: "/signicat/partner" });
    return { id, session };
  };

  /** Start a login at the broker (Enterprise), with the prefills inside a JWE to its key. */
  async function authorize(c: Context, session: PartnerSession, hints: string[], from?: string) {
    const oauthState = randomId(16);
    session.pending = { state: oauthState, from, hints };
    const url = new URL(`${issuer}${ENTERPRISE.endpoints.authorize}`);
    url.searchParams.set("client_id", settings.clientId);
    url.searchParams.set("redirect_uri", redirectUri);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("scope", "openid profile");
    url.searchParams.set("state", oauthState);
    url.searchParams.set("acr_values", "urn:signicat:oidc:method:mitid");
    if (hints.length > 0) {
      const key = state.encryptionKeys.enterprise;
      const body = JSON.stringify({
        client_id: settings.clientId,
        response_type: "code",
        redirect_uri: redirectUri,
        scope: "openid profile",
        login_hint: hints,
      });
      url.searchParams.set(
        "request",
        await new CompactEncrypt(new TextEncoder().encode(body))
          .setProtectedHeader({
            alg: ENTERPRISE.encryptionAlg,
            enc: "A256CBC-HS512",
            typ: "JWE",
            kid: key.kid,
          })
          .encrypt(await importJWK(key.publicJwk, ENTERPRISE.encryptionAlg)),
      );
    }
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.redirect(url.toString(), 303);
  }

  function failurePage(c: Context, kind: "textMismatch" | "expired" | "used" | "late" | "other") {
    return send(
      c,
      partnerPage(
        settings,
        t(`signicat.partner.failed.${kind}`),
        html`<p class="alert" role="alert">${t("signicat.partner.failed.body")}</p>
          <p><a href="${settings.base}">${t("signicat.partner.home")}</a></p>`,
      ),
      400,
    );
  }

  app.get("/", (c) => {
    const { session } = sessionOf(c);
    if (!session.name) {
      return send(
        c,
        partnerPage(
          settings,
          t("signicat.partner.heading"),
          html`<p>${t("signicat.partner.intro")}</p>
            <form method="post" action="${settings.base}/login">
              <div class="actions">
                <button class="primary" type="submit">${t("signicat.partner.logIn")}</button>
              </div>
            </form>`,
        ),
      );
    }
    const portals = Object.keys(settings.portals);
    return send(
      c,
      partnerPage(
        settings,
        t("signicat.partner.signedIn", { name: session.name }),
        html`${
            session.transferredFrom
              ? html`<p class="ok" data-testid="partner-transferred-from">
                  ${t("signicat.partner.transferredFrom", { from: session.transferredFrom })}
                </p>`
              : html`<p>${t("signicat.partner.loggedInHere")}</p>`
          }
          <p class="muted">MitID UUID <code data-testid="partner-mitid-uuid">${session.mitidUuid}</code></p>
          ${portals.map(
            (clientId) =>
              html`<form method="post" action="${settings.base}/transfer">
                <input type="hidden" name="portal" value="${clientId}" />
                <fieldset>
                  <legend>${t("signicat.partner.textLegend")}</legend>
                  <label class="choice"
                    ><input
                      type="radio"
                      name="text"
                      value="yes"
                      checked
                    />${t("signicat.partner.textYes")}</label
                  >
                  <label class="choice"
                    ><input type="radio" name="text" value="no" />${t("signicat.partner.textNo")}</label
                  >
                </fieldset>
                <div class="field">
                  <label for="mode-${clientId}">${t("signicat.partner.modeLabel")}</label>
                  <select id="mode-${clientId}" name="mode">
                    ${handoverModes.map(
                      (m) => html`<option value="${m}">${t(`signicat.partner.modes.${m}`)}</option>`,
                    )}
                  </select>
                </div>
                <div class="actions">
                  <button class="primary" type="submit">
                    ${t("signicat.partner.continueTo", { portal: settings.portalName(clientId) })}
                  </button>
                </div>
              </form>`,
          )}
          ${
            session.lastHints
              ? html`<form method="post" action="${settings.base}/redeem-again">
                  <div class="actions">
                    <button class="secondary" type="submit">${t("signicat.partner.redeemAgain")}</button>
                  </div>
                </form>`
              : ""
          }`,
      ),
    );
  });

  app.post("/login", async (c) => {
    const { session } = sessionOf(c);
    return authorize(c, session, []);
  });

  app.get("/callback", (c) => {
    const { session } = sessionOf(c);
    const pending = session.pending;
    const q = c.req.query();
    if (!pending || q.state !== pending.state) return failurePage(c, "other");
    session.pending = undefined;
    if (q.error) return failurePage(c, FAILURE_HEADINGS[q.error_description ?? ""] ?? "other");
    const grant = q.code ? state.codes.take(q.code) : undefined;
    const persona = findPersonaByUuid(grant?.mitidUuid);
    if (!grant || !persona || grant.clientId !== settings.clientId) return failurePage(c, "other");
    session.name = persona.name;
    session.mitidUuid = persona.mitidUuid;
    session.ctaId = grant.ctaId;
    session.transferredFrom = pending.from;
    if (pending.hints.length > 0) {
      session.lastHints = pending.hints;
      session.lastFrom = pending.from;
    }
    return c.redirect(settings.base, 303);
  });

  // SP-B: the portal's hand-over arrives as a form post; redeem it at once.
  const handover = urlencodedForm(handoverFormSchema, (c) =>
    sandboxError(c, 400, "invalid_request", "not a session transfer hand-over"),
  );
  app.post("/handover", handover, async (c) => {
    const h = c.req.valid("form");
    if (settings.portals[h.sender] === undefined) {
      return sandboxError(
        c,
        403,
        "unknown_sender",
        "the partner takes hand-overs from its configured portals only",
      );
    }
    const age = Math.floor(state.now() / 1000) - h.issued_at;
    if (age > MAX_HANDOVER_AGE_SECONDS || age < -30) return failurePage(c, "late");
    const { session } = sessionOf(c);
    const text = nextRedemption === "wrong-text" ? "not the text that was sent" : h.transfer_token_text;
    nextRedemption = "normal";
    const hints = [`transferTokenExchangeCode-${h.transfer_token_exchange_code}`];
    if (text !== undefined) hints.push(`transferTokenText-${text}`);
    return authorize(c, session, hints, settings.portalName(h.sender));
  });

  app.post("/redeem-again", async (c) => {
    const { session } = sessionOf(c);
    if (!session.lastHints) return c.redirect(settings.base, 303);
    return authorize(c, session, session.lastHints, session.lastFrom);
  });

  app.post("/control/next-redemption", async (c) => {
    // Not controlJson: JSON is read whatever the content type, where controlJson would see {}.
    const body = z
      .strictObject({ mode: z.enum(["normal", "wrong-text"]) })
      .safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return sandboxError(c, 400, "invalid_request", 'expected {"mode": "wrong-text" | "normal"}');
    nextRedemption = body.data.mode;
    return c.json({ ok: true, mode: nextRedemption });
  });

  // SP-A: a code from the Session Transfer API (in-process), handed over by a form post. The
  // page's form-action must also allow where the receiver redirects next (Chromium checks it
  // on redirects): the portal sends the browser on to its broker, this sandbox ('self').
  app.post("/transfer", async (c) => {
    const { session } = sessionOf(c);
    // Not urlencodedForm: a refused form still starts the partner session (and sets its cookie).
    const form = transferFormSchema.safeParse((await formParams(c)) ?? {});
    if (!form.success || settings.portals[form.data.portal] === undefined) {
      return sandboxError(c, 400, "invalid_request", "expected a configured portal");
    }
    const cta = session.ctaId ? state.transfer.ctas.get(session.ctaId) : undefined;
    if (!cta) return failurePage(c, "other");
    const { portal, mode } = form.data;
    const reuse = mode === "reuse" && session.lastSent?.portal === portal;
    const text = form.data.text === "yes" ? randomId(12) : undefined;
    let handover = reuse ? session.lastSent! : undefined;
    if (!handover) {
      const code = state.transfer.issue(cta, serviceProviderId(portal), text);
      if (mode === "expired") state.transfer.codes.get(code)!.expiresAt = state.now();
      handover = { portal, code, text };
      session.lastSent = handover;
    }
    const issuedAt = Math.floor(state.now() / 1000) - (mode === "late" ? 10 * 60 : 0);
    const sentText = mode === "wrong-text" ? `${handover.text ?? ""}-wrong` : handover.text;
    const target = `${settings.portals[portal]}/api/signicat/transfer/receive`;
    return send(
      c,
      partnerPage(
        settings,
        t("signicat.partner.handingOver", { portal: settings.portalName(portal) }),
        html`<form id="handover" method="post" action="${target}">
            <input type="hidden" name="transfer_token_exchange_code" value="${handover.code}" />
            ${
              sentText !== undefined
                ? html`<input type="hidden" name="transfer_token_text" value="${sentText}" />`
                : ""
            }
            <input type="hidden" name="sender" value="${settings.clientId}" />
            <input type="hidden" name="issued_at" value="${String(issuedAt)}" />
            <div class="actions">
              <button class="primary" type="submit">${t("signicat.partner.continue")}</button>
            </div>
          </form>
          ${raw(`<script>${AUTO_SUBMIT}</script>`)}`,
      ),
      200,
      `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${AUTO_SUBMIT_HASH}'; form-action ${new URL(target).origin} 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  });

  return app;
}

/** The broker and service provider ids a portal configures to hand over to this partner. */
export function partnerIds(clientId: string) {
  return { broker: SANDBOX_BROKER_ID, serviceProvider: serviceProviderId(clientId) };
}
