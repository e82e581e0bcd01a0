import { createHmac, timingSafeEqual } from "node:crypto";
import type { JWTPayload } from "jose";
import type { IduraConfig } from "../config";
import { IssuedLog } from "../shared/issued";
import { misbehavingClaims, MisbehaviourBook, signMisbehaving } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import type { SigningKey } from "../shared/signing-key";
import { TtlStore, type Clock } from "../shared/ttl-store";
import { ACR, type AcrValue, type IduraPersona } from "./personas";

export interface IduraSettings extends IduraConfig {
  issuer: string;
  /** Every registered client, the main one first; all share the redirect allowlist. */
  clients: readonly { clientId: string; clientSecret: string }[];
}

export type IduraIssuedKind =
  "web_login_code" | "access_token" | "id_token" | "ciba_request_id" | "headless_request_id";

/** A different person's `sub`, for the `userinfo_sub_mismatch` misbehaviour. */
const SOMEONE_ELSE = "{00000000-0000-4000-8000-000000000000}";

/** Who logged in, how: what every grant (code, CIBA, headless) ends in. */
export interface IduraGrant {
  clientId: string;
  persona: IduraPersona;
  acr: AcrValue;
  scope: string;
  nonce?: string;
  authTime: number;
}

export interface LoginTransaction {
  clientId: string;
  redirectUri: string;
  acr: AcrValue;
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge: string;
}

export interface AuthorizationCode {
  redirectUri: string;
  codeChallenge: string;
  grant: IduraGrant;
}

export interface CibaRequest {
  clientId: string;
  persona: IduraPersona;
  acr: AcrValue;
  scope: string;
  bindingMessage: string;
  status: "pending" | "approved" | "denied";
  /** Seconds the client must wait between polls; the `slow-down` control raises it. */
  interval: number;
  lastPollAt?: number;
  expiresAt: number;
}

export interface HeadlessRequest {
  clientId: string;
  acr: AcrValue;
  scope: string;
  qrStartToken: string;
  /** Never leaves the server, as in BankID's animated QR. */
  qrStartSecret: string;
  startedAt: number;
  status: "pending" | "scanned" | "approved" | "cancelled";
  persona?: IduraPersona;
  expiresAt: number;
}

/** Ended requests are remembered this long so a late poll hears `expired_token`, not "unknown". */
const TOMBSTONE_MS = 10 * 60_000;
const ID_TOKEN_TTL_SECONDS = 5 * 60;

const COUNTRY = {
  "dk-mitid": "DK",
  "dk-mitid-business": "DK",
  "se-bankid": "SE",
  "no-bankid": "NO",
} as const;
const SCHEME = {
  "dk-mitid": "dkmitid",
  "dk-mitid-business": "dkmitid",
  "se-bankid": "sebankid",
  "no-bankid": "nobankid",
} as const;

export class IduraState {
  readonly transactions: TtlStore<LoginTransaction>;
  readonly codes: TtlStore<AuthorizationCode>;
  readonly ciba: TtlStore<CibaRequest>;
  readonly headless: TtlStore<HeadlessRequest>;
  /** qrStartToken → headless_req_id; scan id → headless_req_id. */
  readonly qrTokens: TtlStore<string>;
  readonly scans: TtlStore<string>;
  readonly accessTokens: TtlStore<IduraGrant>;
  readonly misbehaviour: MisbehaviourBook;
  /** The codes, tokens and request ids handed out, for `GET /control/issued`. */
  readonly issued = new IssuedLog<IduraIssuedKind>();

  constructor(
    readonly settings: IduraSettings,
    readonly signingKey: SigningKey,
    readonly now: Clock,
    /** The next signing key, for the `rotated_key` and `bad_signature` misbehaviours. */
    readonly rotatedKey: SigningKey,
  ) {
    this.misbehaviour = new MisbehaviourBook(settings.clients.map((c) => c.clientId));
    this.transactions = new TtlStore({ now });
    this.codes = new TtlStore({ now });
    this.ciba = new TtlStore({ now });
    this.headless = new TtlStore({ now });
    this.qrTokens = new TtlStore({ now });
    this.scans = new TtlStore({ now });
    this.accessTokens = new TtlStore({ now });
  }

  /** The registered client's secret, or undefined for an unknown client id. */
  clientSecret(clientId: string | undefined): string | undefined {
    return this.settings.clients.find((c) => c.clientId === clientId)?.clientSecret;
  }

  get requestTtlMs(): number {
    return this.settings.requestTtlSeconds * 1000;
  }

  startCiba(request: Omit<CibaRequest, "status" | "interval" | "expiresAt">): {
    id: string;
    request: CibaRequest;
  } {
    const id = randomId();
    const full: CibaRequest = {
      ...request,
      status: "pending",
      interval: this.settings.cibaIntervalSeconds,
      expiresAt: this.now() + this.requestTtlMs,
    };
    this.ciba.set(id, full, this.requestTtlMs + TOMBSTONE_MS);
    this.issued.record("ciba_request_id", id);
    return { id, request: full };
  }

  startHeadless(clientId: string, acr: AcrValue, scope: string): { id: string; request: HeadlessRequest } {
    const id = randomId();
    const request: HeadlessRequest = {
      clientId,
      acr,
      scope,
      qrStartToken: crypto.randomUUID(),
      qrStartSecret: crypto.randomUUID(),
      startedAt: this.now(),
      status: "pending",
      expiresAt: this.now() + this.requestTtlMs,
    };
    this.headless.set(id, request, this.requestTtlMs + TOMBSTONE_MS);
    this.issued.record("headless_request_id", id);
    this.qrTokens.set(request.qrStartToken, id, this.requestTtlMs);
    return { id, request };
  }

  /** BankID's animated QR: `bankid.<qrStartToken>.<t>.<HMAC-SHA256(qrStartSecret, t)>`, t in whole seconds. */
  qrData(request: HeadlessRequest, at = this.now()): string {
    const t = Math.max(0, Math.floor((at - request.startedAt) / 1000));
    return `bankid.${request.qrStartToken}.${t}.${qrAuthCode(request.qrStartSecret, t)}`;
  }

  /** The request a scanned code belongs to, if its HMAC is right and it is at most `qrMaxAgeSeconds` old. */
  checkScan(
    scanned: string,
  ): { ok: true; id: string; request: HeadlessRequest } | { ok: false; why: "unknown" | "stale" } {
    const match = /^bankid\.([0-9a-f-]{36})\.(\d{1,6})\.([0-9a-f]{64})$/.exec(scanned.trim());
    if (!match) return { ok: false, why: "unknown" };
    const [, token = "", tText = "", code = ""] = match;
    const id = this.qrTokens.get(token);
    const request = id ? this.headless.get(id) : undefined;
    if (!id || !request || request.status !== "pending" || request.expiresAt <= this.now()) {
      return { ok: false, why: "unknown" };
    }
    const t = Number(tText);
    const expected = Buffer.from(qrAuthCode(request.qrStartSecret, t), "hex");
    if (!timingSafeEqual(expected, Buffer.from(code, "hex"))) return { ok: false, why: "unknown" };
    const ageSeconds = (this.now() - request.startedAt) / 1000 - t;
    if (ageSeconds < -1 || ageSeconds > this.settings.qrMaxAgeSeconds + 1) return { ok: false, why: "stale" };
    return { ok: true, id, request };
  }

  /** What a grant's ID token says when all is well (RS256 with `kid`, providers.md). */
  private idTokenClaims(grant: IduraGrant) {
    const { persona } = grant;
    const now = Math.floor(this.now() / 1000);
    const eid = ACR[grant.acr].eid;
    const claims: JWTPayload & { iss: string; sub: string; aud: string; iat: number; exp: number } = {
      iss: this.settings.issuer,
      aud: grant.clientId,
      sub: persona.sub,
      iat: now,
      exp: now + ID_TOKEN_TTL_SECONDS,
      auth_time: Math.floor(grant.authTime / 1000),
      nonce: grant.nonce,
      acr: grant.acr,
      identityscheme: SCHEME[eid],
      country: COUNTRY[eid],
      name: `${persona.givenName} ${persona.familyName}`,
      given_name: persona.givenName,
      family_name: persona.familyName,
      birthdate: persona.birthdate,
    };
    if (eid === "dk-mitid" || eid === "dk-mitid-business") claims.uuid = persona.sub.slice(1, -1);
    if (persona.business) {
      claims.cvrNumberIdentifier = persona.business.cvr;
      claims.companyName = persona.business.companyName;
      claims.employee = true;
    }
    // National identity numbers only when asked for, as Idura releases them only with the `ssn` scope.
    if (grant.scope.split(" ").includes("ssn")) {
      if (eid.startsWith("dk-")) claims.cprNumberIdentifier = persona.ssn;
      else claims.ssn = persona.ssn;
    }
    return claims;
  }

  /**
   * The one place Idura ID tokens are made, for the web login, CIBA and headless alike,
   * including every way the `misbehaviour` switch can make them wrong for a client.
   */
  async issueIdToken(grant: IduraGrant): Promise<string> {
    const mode = this.misbehaviour.of(grant.clientId);
    const claims = misbehavingClaims(mode, this.idTokenClaims(grant), "idura");
    return signMisbehaving(mode, claims, {
      signingKey: this.signingKey,
      rotatedKey: this.rotatedKey,
      clientSecret: this.clientSecret(grant.clientId),
    });
  }

  /** The ID token's claims about the person, about someone else under `userinfo_sub_mismatch`. */
  userinfoClaims(grant: IduraGrant): JWTPayload {
    const claims: JWTPayload = this.idTokenClaims(grant);
    for (const key of ["iss", "aud", "iat", "exp", "nonce", "auth_time"]) delete claims[key];
    if (this.misbehaviour.of(grant.clientId) === "userinfo_sub_mismatch") claims.sub = SOMEONE_ELSE;
    return claims;
  }

  async tokenResponse(grant: IduraGrant) {
    const accessToken = randomId();
    this.accessTokens.set(accessToken, grant, 300_000);
    const idToken = await this.issueIdToken(grant);
    this.issued.record("access_token", accessToken);
    this.issued.record("id_token", idToken);
    return {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: 300,
      scope: grant.scope,
      id_token: idToken,
    };
  }

  reset(): void {
    for (const store of [this.transactions, this.codes, this.ciba, this.headless, this.qrTokens, this.scans])
      store.clear();
  }
}

export function qrAuthCode(secret: string, t: number): string {
  return createHmac("sha256", secret).update(String(t)).digest("hex");
}
