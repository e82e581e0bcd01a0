import { exportJWK, generateKeyPair, calculateJwkThumbprint, type JWK } from "jose";
import type { SignicatConfig } from "./config";
import { OidcProviderState, type AuthorizeTransaction, type CodeBinding } from "../shared/oidc/state";
import type { SigningKey } from "../shared/signing-key";
import { TtlStore, type Clock } from "../shared/ttl-store";
import { CprCache } from "./cpr-cache";
import type { BusinessIdentity, Level } from "./personas";
import type { PlatformDialect, SignicatPlatform } from "./platform";
import { SessionTransferState } from "./session-transfer";
import type { SignicatSettings } from "./settings";

/** Content encryption the sandbox accepts in request objects (the portal sends A256CBC-HS512). */
export const REQUEST_OBJECT_CONTENT_ENCRYPTION = [
  "A128CBC-HS256",
  "A192CBC-HS384",
  "A256CBC-HS512",
  "A256GCM",
];
/** Asymmetric only: the eID Hub's discovery lists no HS* (docs/providers/signicat.md). */
export const REQUEST_OBJECT_SIGNING_ALGS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
];

export type CprSource = "user" | "prefilled" | "database";

/** Which add-on a login runs, decided by the scopes asked for (see README: unconfirmed). */
export interface LoginWants {
  cprMatch: boolean;
  /** MitID Business: pick one of your business identities. */
  business: boolean;
  /** Private for Business: pick a company you have signatory rights in (Virk). */
  privateForBusiness: boolean;
}

/** What the user chose to represent, as the claims will carry it. */
export type Representation =
  { kind: "business"; identity: BusinessIdentity } | { kind: "company"; cvr: string; name: string };

export type Step = "userid" | "method" | "app" | "password" | "otp" | "psd2-failed" | "cpr" | "pick";

/** One login in the browser, from authorize to the code. */
export interface SignicatTransaction extends AuthorizeTransaction {
  dialect: PlatformDialect;
  wants: LoginWants;
  minLevel: Level;
  /** From an encrypted request object only; never from a plain URL. */
  prefilledCpr: string | undefined;
  cvr: string | undefined;
  stepUpFrom: AuthTokenRecord | undefined;
  step: Step;
  personaUserId?: string;
  aal?: Level;
  /** PSD2 mode: a factor failed, which the user learns only after the last one. */
  factorFailed?: boolean;
  cprAttempts: number;
  cpr?: { source: CprSource };
  representation?: Representation;
}

/** What an authentication leaves behind for a later step-up (`authTokenId-…`). */
export interface AuthTokenRecord {
  platform: SignicatPlatform;
  clientId: string;
  mitidUuid: string;
  loa: Level;
  cpr?: { source: CprSource };
  representation?: Representation;
}

/** Everything the token and userinfo endpoints need about a finished login. */
export interface CompletedLogin {
  platform: SignicatPlatform;
  clientId: string;
  scope: string;
  nonce: string | undefined;
  mitidUuid: string;
  ial: Level;
  aal: Level;
  loa: Level;
  cpr?: { source: CprSource };
  representation?: Representation;
  /** Enterprise only: the step-up handle (`auth_token_id`). */
  authTokenId: string | undefined;
  /** `signicat.cta_id`, for a client set up for session transfer. */
  ctaId?: string;
  transactionId: string;
  authTime: number;
}

export interface SignicatCode extends CompletedLogin, CodeBinding {}

export interface EncryptionKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const TRANSACTION_TTL_MS = 15 * 60_000;
const CODE_TTL_MS = 60_000;
export const ACCESS_TOKEN_TTL_SECONDS = 600;
/** How long an `auth_token_id` can be used for a step-up; Signicat's own value is unconfirmed. */
const AUTH_TOKEN_TTL_MS = 60 * 60_000;
const REQUEST_OBJECT_ID_TTL_MS = 24 * 60 * 60_000;

/** The key clients encrypt request objects to, published in the JWKS with `use: enc` and its `alg`. */
export async function generateEncryptionKey(alg: "RSA-OAEP" | "RSA-OAEP-256"): Promise<EncryptionKey> {
  const pair = await generateKeyPair(alg, { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(pair.publicKey);
  const publicPart: JWK = { kty: "RSA", n: exported.n, e: exported.e };
  const kid = await calculateJwkThumbprint(publicPart, "sha256");
  return { kid, privateKey: pair.privateKey, publicJwk: { ...publicPart, kid, use: "enc", alg } };
}

type SignicatIssuedKind =
  "web_login_code" | "access_token" | "id_token" | "transfer_exchange_code" | "transfer_token_text";

export class SignicatState extends OidcProviderState<
  SignicatTransaction,
  SignicatCode,
  CompletedLogin,
  SignicatIssuedKind
> {
  readonly authTokens: TtlStore<AuthTokenRecord>;
  readonly cprCache: CprCache;
  readonly #psd2 = new Set<string>();
  readonly #psd2Initial: readonly string[];
  /** MitID Session Transfer: CTA ids, exchange codes, API tokens (session-transfer.ts). */
  readonly transfer: SessionTransferState;

  constructor(
    readonly settings: SignicatSettings,
    signingKey: SigningKey,
    /** One `use: enc` key per platform, each with that platform's `alg`. */
    readonly encryptionKeys: Record<SignicatPlatform, EncryptionKey>,
    /** Public keys registered on the clients, which verify eID Hub request objects. */
    readonly registeredKeys: readonly JWK[],
    now: Clock,
    config: SignicatConfig,
    rotatedKey: SigningKey,
  ) {
    // The partner service is the sandbox's own client: it never misbehaves.
    super(settings.clients, signingKey, now, rotatedKey, { except: config.partner.clientId });
    this.authTokens = new TtlStore({ now });
    this.#requestObjectIds = new TtlStore({ now });
    this.cprCache = new CprCache({ file: config.cprCacheFile, ttlDays: config.cprCacheDays, now });
    this.transfer = new SessionTransferState(
      now,
      new Set(config.transferClients),
      config.transferCodeTtlSeconds,
      (kind, value) => this.issued.record(kind, value),
    );
    this.#psd2Initial = config.psd2Clients;
    for (const id of config.psd2Clients) this.#psd2.add(id);
  }

  issuer(dialect: PlatformDialect | SignicatPlatform): string {
    const path =
      typeof dialect === "string" ? (dialect === "enterprise" ? "/oidc" : "/auth/open") : dialect.issuerPath;
    return `${this.settings.base}${path}`;
  }

  psd2(clientId: string): boolean {
    return this.#psd2.has(clientId);
  }

  setPsd2(clientId: string, on: boolean): void {
    if (on) this.#psd2.add(clientId);
    else this.#psd2.delete(clientId);
  }

  saveTransaction(id: string, tx: SignicatTransaction): void {
    this.transactions.set(id, tx, TRANSACTION_TTL_MS);
  }

  saveCode(code: string, grant: SignicatCode): void {
    this.issued.record("web_login_code", code);
    this.codes.set(code, grant, CODE_TTL_MS);
  }

  readonly #requestObjectIds: TtlStore<true>;

  /** A request object's `jti` is unique per client for 24 hours; false when it was seen. */
  useRequestObjectId(clientId: string, jti: string): boolean {
    const key = `${clientId}\n${jti}`;
    if (this.#requestObjectIds.get(key)) return false;
    this.#requestObjectIds.set(key, true, REQUEST_OBJECT_ID_TTL_MS);
    return true;
  }

  saveAuthToken(id: string, record: AuthTokenRecord): void {
    this.authTokens.set(id, record, AUTH_TOKEN_TTL_MS);
  }

  /**
   * PSD2 back to its configuration, for `/control/reset`. Logins in progress, codes, tokens and
   * misbehaviour switches belong to whoever started them (another test, another person at the
   * demo) and stay as they are; the remembered CPRs have their own control.
   */
  reset(): void {
    this.#psd2.clear();
    for (const id of this.#psd2Initial) this.#psd2.add(id);
  }
}
