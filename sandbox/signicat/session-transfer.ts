/**
 * MitID Session Transfer ("Controlled Transfer of Authentication"), as Signicat's Enterprise
 * documentation describes it (docs/providers/signicat.md, "MitID Session Transfer"):
 *
 * - a login by a client set up for it carries `signicat.cta_id` (`mitid:cta:<uuid>`);
 * - with an access token holding `client.mitid.cta` (client credentials), that client asks the
 *   Session Transfer API for a Transfer Token Exchange Code for a receiving broker and service
 *   provider, optionally with a Transfer Token Text;
 * - the receiving client sends `transferTokenExchangeCode-…` (and `transferTokenText-…`) as
 *   prefills, and the login completes at once with the first login's identity.
 *
 * The API's path and JSON member names are this sandbox's choice (no public OpenAPI document was
 * found; the names follow MitID's own terms, as another broker's API uses them), so are the
 * error descriptions a failed redemption comes back with: see the docs for both.
 */
import { createHash, randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { oauthError, sandboxError } from "../shared/errors";
import { parseBearer } from "../shared/http-auth";
import { secretsEqual } from "../shared/secrets";
import { TtlStore, type Clock } from "../shared/ttl-store";
import { findPersonaByUserId, type Level } from "./personas";
import type { SignicatPlatform } from "./platform";

/** The scope an access token needs for the Session Transfer API (ENT-MITID). */
export const CTA_SCOPE = "client.mitid.cta";

/** Path of the Session Transfer API below `/signicat` (the sandbox's choice; see the docs). */
export const TRANSFER_API_PATH = "/api/mitid/session-transfer/exchange-codes";

/** This sandbox broker's MitID broker id; the portal's sandbox default says the same. */
export const SANDBOX_BROKER_ID = "5c1d7e2a-9b64-4f0e-8a31-2d7c6b9e4f10";

/**
 * Each client's MitID service provider id, derived from its client id so that it is stable
 * across restarts (a real one is issued when the service provider is registered with MitID).
 */
export function serviceProviderId(clientId: string): string {
  const h = createHash("sha256").update(`mitid-sp:${clientId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What a login leaves for a later transfer, under its `signicat.cta_id`. */
export interface CtaRecord {
  clientId: string;
  platform: SignicatPlatform;
  mitidUuid: string;
  ial: Level;
  aal: Level;
  loa: Level;
  authTime: number;
}

/** One Transfer Token Exchange Code. */
export interface ExchangeCode {
  cta: CtaRecord;
  receivingServiceProvider: string;
  text: string | undefined;
  expiresAt: number;
  used: boolean;
}

/**
 * Why a redemption failed, sent as `error=access_denied` with this `error_description`. Not
 * Signicat's codes (none are published): the portal maps them, see docs/providers/signicat.md.
 */
export const TRANSFER_ERRORS = {
  textMismatch: "mitid_transfer_token_text_mismatch",
  expired: "mitid_transfer_token_expired",
  used: "mitid_transfer_token_used",
  unknown: "mitid_transfer_token_unknown",
  wrongReceiver: "mitid_transfer_token_not_for_this_service_provider",
} as const;

/** A CTA id stays usable for an hour; Signicat's own value is unconfirmed. */
const CTA_TTL_MS = 60 * 60_000;
/** Used and expired codes are remembered this long after they expire, to say which it was. */
const CODE_MEMORY_MS = 60 * 60_000;
const API_TOKEN_TTL_SECONDS = 600;

export class SessionTransferState {
  readonly ctas: TtlStore<CtaRecord>;
  readonly codes: TtlStore<ExchangeCode>;
  readonly apiTokens: TtlStore<{ clientId: string; scope: string }>;
  readonly #lifetimeByClient = new Map<string, number>();

  constructor(
    readonly now: Clock,
    /** Clients set up for session transfer: their logins carry `signicat.cta_id`. */
    readonly clients: ReadonlySet<string>,
    /** Default lifetime of an exchange code (`SANDBOX_SIGNICAT_TRANSFER_CODE_TTL_SECONDS`). */
    readonly defaultLifetimeSeconds: number,
    /** Each code and text handed out, for `GET /signicat/control/issued` (the audit's list). */
    readonly record: (
      kind: "transfer_exchange_code" | "transfer_token_text",
      value: string,
    ) => void = () => {},
  ) {
    this.ctas = new TtlStore({ now });
    this.codes = new TtlStore({ now });
    this.apiTokens = new TtlStore({ now });
  }

  enabledFor(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  /** A new `signicat.cta_id` for a finished login of a client set up for it. */
  newCta(record: CtaRecord): string {
    const id = `mitid:cta:${randomUUID()}`;
    this.ctas.set(id, record, CTA_TTL_MS);
    return id;
  }

  lifetimeSeconds(clientId: string): number {
    return this.#lifetimeByClient.get(clientId) ?? this.defaultLifetimeSeconds;
  }

  /** For tests: codes this client issues from now on live this long (0: expired at once). */
  setLifetime(clientId: string, seconds: number | undefined): void {
    if (seconds === undefined) this.#lifetimeByClient.delete(clientId);
    else this.#lifetimeByClient.set(clientId, seconds);
  }

  issue(cta: CtaRecord, receivingServiceProvider: string, text: string | undefined): string {
    const code = randomUUID();
    this.record("transfer_exchange_code", code);
    if (text !== undefined) this.record("transfer_token_text", text);
    const lifetimeMs = this.lifetimeSeconds(cta.clientId) * 1000;
    const expiresAt = this.now() + lifetimeMs;
    this.codes.set(
      code,
      { cta, receivingServiceProvider, text, expiresAt, used: false },
      lifetimeMs + CODE_MEMORY_MS,
    );
    return code;
  }

  /**
   * Redeem a code for the receiving client: single use, before its expiry, for this service
   * provider, with the text it was issued with. A wrong text uses the code up, so a text cannot
   * be guessed (the sandbox's choice; unconfirmed).
   */
  redeem(
    code: string,
    receivingClientId: string,
    text: string | undefined,
  ): { ok: true; cta: CtaRecord } | { ok: false; description: string } {
    const record = this.codes.get(code);
    if (!record) return { ok: false, description: TRANSFER_ERRORS.unknown };
    if (record.used) return { ok: false, description: TRANSFER_ERRORS.used };
    if (this.now() >= record.expiresAt) return { ok: false, description: TRANSFER_ERRORS.expired };
    if (record.receivingServiceProvider !== serviceProviderId(receivingClientId)) {
      return { ok: false, description: TRANSFER_ERRORS.wrongReceiver };
    }
    record.used = true;
    const textMatches =
      record.text === undefined ? text === undefined : text !== undefined && secretsEqual(text, record.text);
    if (!textMatches) return { ok: false, description: TRANSFER_ERRORS.textMismatch };
    return { ok: true, cta: record.cta };
  }

  /** For tests: expire every live code of a MitID user at once. */
  expireCodesOf(mitidUuid: string): number {
    let n = 0;
    for (const key of this.codes.keys()) {
      const record = this.codes.get(key);
      if (record && !record.used && record.cta.mitidUuid === mitidUuid && record.expiresAt > this.now()) {
        record.expiresAt = this.now();
        n += 1;
      }
    }
    return n;
  }

  issueApiToken(clientId: string, scope: string): { token: string; expiresIn: number } {
    const token = randomUUID() + randomUUID();
    this.apiTokens.set(token, { clientId, scope }, API_TOKEN_TTL_SECONDS * 1000);
    return { token, expiresIn: API_TOKEN_TTL_SECONDS };
  }
}

const exchangeCodeRequestSchema = z.strictObject({
  ctaId: z.string().regex(/^mitid:cta:[0-9a-f-]{36}$/, "ctaId must be a signicat.cta_id"),
  receivingBroker: z.uuid("receivingBroker must be the receiving broker's MitID id (a UUID)"),
  receivingServiceProvider: z.uuid("receivingServiceProvider must be a MitID service provider id (a UUID)"),
  transferTokenText: z.string().min(1).max(1000).optional(),
});

/** The Session Transfer API, mounted below `/signicat`. */
export function sessionTransferApiRoutes(transfer: SessionTransferState, knownClients: () => string[]): Hono {
  const app = new Hono();
  app.post(TRANSFER_API_PATH, async (c) => {
    const token = parseBearer(c.req.header("authorization"));
    const holder = token === undefined ? undefined : transfer.apiTokens.get(token);
    if (!holder || !holder.scope.split(" ").includes(CTA_SCOPE)) {
      return oauthError(c, 401, "invalid_token", `an access token with the ${CTA_SCOPE} scope is required`, {
        "WWW-Authenticate": `Bearer realm="signicat", error="invalid_token", scope="${CTA_SCOPE}"`,
      });
    }
    // Not controlJson: the bearer token is checked first, and JSON is read whatever the content type.
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return sandboxError(c, 400, "invalid_request", "expected a JSON body");
    }
    const parsed = exchangeCodeRequestSchema.safeParse(body);
    if (!parsed.success) {
      return sandboxError(c, 400, "invalid_request", parsed.error.issues[0]?.message ?? "invalid body");
    }
    const req = parsed.data;
    const cta = transfer.ctas.get(req.ctaId);
    if (!cta || cta.clientId !== holder.clientId) {
      return sandboxError(c, 404, "unknown_cta_id", "no such signicat.cta_id for this client");
    }
    if (req.receivingBroker !== SANDBOX_BROKER_ID) {
      return sandboxError(c, 400, "unknown_broker", "the sandbox knows one MitID broker: itself");
    }
    if (!knownClients().some((id) => serviceProviderId(id) === req.receivingServiceProvider)) {
      return sandboxError(c, 400, "unknown_service_provider", "no such receiving service provider");
    }
    const code = transfer.issue(cta, req.receivingServiceProvider, req.transferTokenText);
    const expiresAt = transfer.codes.get(code)!.expiresAt;
    return c.json({ transferTokenExchangeCode: code, expiresAt: new Date(expiresAt).toISOString() }, 201, {
      "Cache-Control": "no-store",
    });
  });
  return app;
}

const lifetimeSchema = z.strictObject({
  client_id: z.string().min(1).max(200),
  seconds: z.number().int().min(0).max(86_400).nullable(),
});
const expireSchema = z.strictObject({ user_id: z.string().min(1).max(200) });

/** Control endpoints: a per-client code lifetime, and expiring a user's codes now. */
export function sessionTransferControlRoutes(
  transfer: SessionTransferState,
  knownClients: () => string[],
): Hono {
  const app = new Hono();
  // Not controlJson (here and below): JSON is read whatever the content type, where it would see {}.
  app.post("/control/session-transfer/lifetime", async (c) => {
    const parsed = lifetimeSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return sandboxError(c, 400, "invalid_request", 'expected {"client_id": "…", "seconds": 0 | null}');
    }
    if (!knownClients().includes(parsed.data.client_id))
      return sandboxError(c, 404, "unknown_client", "no such client");
    transfer.setLifetime(parsed.data.client_id, parsed.data.seconds ?? undefined);
    return c.json({ ok: true, lifetime_seconds: transfer.lifetimeSeconds(parsed.data.client_id) });
  });
  app.post("/control/session-transfer/expire", async (c) => {
    const parsed = expireSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return sandboxError(c, 400, "invalid_request", 'expected {"user_id": "…"}');
    const persona = findPersonaByUserId(parsed.data.user_id);
    if (!persona) return sandboxError(c, 404, "unknown_user", "no such MitID user ID");
    return c.json({ ok: true, expired: transfer.expireCodesOf(persona.mitidUuid) });
  });
  return app;
}
