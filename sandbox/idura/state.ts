import { createHmac, timingSafeEqual } from "node:crypto";
import { misbehavingClaims, signMisbehaving } from "../shared/misbehaviour";
import { OidcProviderState, type AuthorizeTransaction, type CodeBinding } from "../shared/oidc/state";
import { randomId } from "../shared/random";
import type { SigningKey } from "../shared/signing-key";
import { TtlStore, type Clock } from "../shared/ttl-store";
import { idTokenClaims, type IduraGrant } from "./claims";
import type { AcrValue, IduraPersona } from "./personas";
import type { IduraSettings } from "./settings";

export type { IduraGrant } from "./claims";

export const PREFIX = "/idura";

export type IduraIssuedKind =
  "web_login_code" | "access_token" | "id_token" | "ciba_request_id" | "headless_request_id";

export interface LoginTransaction extends AuthorizeTransaction {
  acr: AcrValue;
  codeChallenge: string;
}

export interface AuthorizationCode extends CodeBinding {
  codeChallenge: string;
  grant: IduraGrant;
}

/**
 * A CIBA or headless request: both end in the same token-endpoint poll (docs/providers/idura.md),
 * so they share this shape and one code path in token.ts.
 */
interface BackchannelRequestBase {
  clientId: string;
  acr: AcrValue;
  scope: string;
  status: "pending" | "scanned" | "approved" | "denied";
  persona?: IduraPersona;
  expiresAt: number;
  /** `slow-down` control: the next poll hears `slow_down`, and CIBA's interval grows by 5 s. */
  slowDownNext?: boolean;
  lastPollAt?: number;
}

export interface CibaRequest extends BackchannelRequestBase {
  kind: "ciba";
  persona: IduraPersona;
  /** What the BankID app shows: the client's for Swedish BankID, Idura's word pair for Norwegian. */
  bindingMessage: string;
  /** Seconds the client must wait between polls; polling sooner gets `slow_down` (CIBA Core §11). */
  interval: number;
}

export interface HeadlessRequest extends BackchannelRequestBase {
  kind: "headless";
  qrStartToken: string;
  /** Never leaves the server, as in BankID's animated QR. */
  qrStartSecret: string;
  autoStartToken: string;
  startedAt: number;
  /** The `end_user_ip` the client sent; Idura's ID token carries it as `ipaddress`. */
  endUserIp?: string;
}

export type BackchannelRequest = CibaRequest | HeadlessRequest;

/** Ended requests are remembered this long so a late poll hears `expired_token`, not "unknown". */
const TOMBSTONE_MS = 10 * 60_000;

export class IduraState extends OidcProviderState<
  LoginTransaction,
  AuthorizationCode,
  IduraGrant,
  IduraIssuedKind
> {
  /** CIBA and headless requests by their `auth_req_id` / `headless_req_id`. */
  readonly backchannel = new TtlStore<BackchannelRequest>({ now: this.now });
  /** qrStartToken → headless_req_id; scan id → headless_req_id. */
  readonly qrTokens = new TtlStore<string>({ now: this.now });
  readonly scans = new TtlStore<string>({ now: this.now });

  constructor(
    readonly settings: IduraSettings,
    signingKey: SigningKey,
    now: Clock,
    rotatedKey: SigningKey,
  ) {
    super(settings.clients, signingKey, now, rotatedKey);
  }

  startCiba(
    request: Pick<CibaRequest, "clientId" | "persona" | "acr" | "scope" | "bindingMessage">,
    ttlSeconds: number,
  ): { id: string; request: CibaRequest } {
    const id = randomId();
    const full: CibaRequest = {
      ...request,
      kind: "ciba",
      status: "pending",
      interval: this.settings.cibaIntervalSeconds,
      expiresAt: this.now() + ttlSeconds * 1000,
    };
    this.backchannel.set(id, full, ttlSeconds * 1000 + TOMBSTONE_MS);
    this.issued.record("ciba_request_id", id);
    return { id, request: full };
  }

  startHeadless(request: Pick<HeadlessRequest, "clientId" | "acr" | "scope" | "endUserIp">): {
    id: string;
    request: HeadlessRequest;
  } {
    const id = randomId();
    const ttlMs = this.settings.requestTtlSeconds * 1000;
    const full: HeadlessRequest = {
      ...request,
      kind: "headless",
      qrStartToken: crypto.randomUUID(),
      qrStartSecret: crypto.randomUUID(),
      autoStartToken: crypto.randomUUID(),
      startedAt: this.now(),
      status: "pending",
      expiresAt: this.now() + ttlMs,
    };
    this.backchannel.set(id, full, ttlMs + TOMBSTONE_MS);
    this.issued.record("headless_request_id", id);
    this.qrTokens.set(full.qrStartToken, id, ttlMs);
    return { id, request: full };
  }

  /** The CIBA request the app shows this binding message for, while it waits. */
  pendingCiba(bindingMessage: string): CibaRequest | undefined {
    for (const key of this.backchannel.keys()) {
      const request = this.backchannel.get(key);
      if (
        request?.kind === "ciba" &&
        request.status === "pending" &&
        request.expiresAt > this.now() &&
        request.bindingMessage === bindingMessage
      ) {
        return request;
      }
    }
    return undefined;
  }

  /** The headless request a QR code names by its qrStartToken (any of its codes, however old). */
  headlessByQr(qrData: string): { id: string; request: HeadlessRequest } | undefined {
    const token = /^bankid\.([0-9a-f-]{36})\./.exec(qrData.trim())?.[1];
    const id = token ? this.qrTokens.get(token) : undefined;
    const request = id ? this.backchannel.get(id) : undefined;
    return id && request?.kind === "headless" ? { id, request } : undefined;
  }

  /**
   * The pending headless request an app link names by its autostart token: how BankID on the
   * same device is started instead of scanning (docs/providers/idura.md).
   */
  headlessByAutoStart(token: string): { id: string; request: HeadlessRequest } | undefined {
    for (const id of this.backchannel.keys()) {
      const request = this.backchannel.get(id);
      if (
        request?.kind === "headless" &&
        request.status === "pending" &&
        request.expiresAt > this.now() &&
        request.autoStartToken === token
      ) {
        return { id, request };
      }
    }
    return undefined;
  }

  /** BankID's animated QR: `bankid.<qrStartToken>.<t>.<HMAC-SHA256(qrStartSecret, t)>`, t in whole seconds. */
  qrData(request: HeadlessRequest, at = this.now()): string {
    const t = Math.max(0, Math.floor((at - request.startedAt) / 1000));
    return `bankid.${request.qrStartToken}.${t}.${qrAuthCode(request.qrStartSecret, t)}`;
  }

  /**
   * The request a scanned code belongs to, if its HMAC is right and it is at most
   * `qrMaxAgeSeconds` old (SANDBOX_IDURA_QR_MAX_AGE_SECONDS; docs/providers/idura.md).
   */
  checkScan(
    scanned: string,
  ): { ok: true; id: string; request: HeadlessRequest } | { ok: false; why: "unknown" | "stale" } {
    const match = /^bankid\.([0-9a-f-]{36})\.(\d{1,6})\.([0-9a-f]{64})$/.exec(scanned.trim());
    const found = match ? this.headlessByQr(scanned) : undefined;
    if (!match || !found || found.request.status !== "pending" || found.request.expiresAt <= this.now()) {
      return { ok: false, why: "unknown" };
    }
    const { request } = found;
    const t = Number(match[2]);
    const expected = Buffer.from(qrAuthCode(request.qrStartSecret, t), "hex");
    if (!timingSafeEqual(expected, Buffer.from(match[3] ?? "", "hex"))) return { ok: false, why: "unknown" };
    const ageSeconds = (this.now() - request.startedAt) / 1000 - t;
    // A frame from the future (by more than rounding) was never shown; one past the window is stale.
    if (ageSeconds < -1 || ageSeconds > this.settings.qrMaxAgeSeconds + 1) return { ok: false, why: "stale" };
    return { ok: true, ...found };
  }

  /**
   * The one place Idura ID tokens are made, for the web login, CIBA and headless alike,
   * including every way the `misbehaviour` switch can make them wrong for a client.
   */
  async issueIdToken(grant: IduraGrant): Promise<string> {
    const mode = this.misbehaviour.of(grant.clientId);
    const claims = misbehavingClaims(mode, idTokenClaims(grant, this.settings.issuer, this.now()), "idura");
    return signMisbehaving(mode, claims, {
      signingKey: this.signingKey,
      rotatedKey: this.rotatedKey,
      clientSecret: this.clientSecret(grant.clientId),
    });
  }

  /** The token endpoint's answer. CIBA's and headless's documented answers give `expires_in` as a string. */
  async tokenResponse(grant: IduraGrant, expiresIn: "number" | "string" = "number") {
    const accessToken = randomId();
    this.accessTokens.set(accessToken, grant, 300_000);
    const idToken = await this.issueIdToken(grant);
    this.issued.record("access_token", accessToken);
    this.issued.record("id_token", idToken);
    return {
      token_type: "Bearer",
      expires_in: expiresIn === "string" ? "300" : 300,
      id_token: idToken,
      access_token: accessToken,
    };
  }

  reset(): void {
    for (const store of [this.transactions, this.codes, this.backchannel, this.qrTokens, this.scans])
      store.clear();
  }
}

export function qrAuthCode(secret: string, t: number): string {
  return createHmac("sha256", secret).update(String(t)).digest("hex");
}
