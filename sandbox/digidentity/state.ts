import { OPTIONAL_ID_TOKEN_MISBEHAVIOURS } from "../shared/misbehaviour";
import { OidcProviderState, type AuthorizeTransaction, type CodeBinding } from "../shared/oidc/state";
import type { SigningKey } from "../shared/signing-key";
import { TtlStore, type Clock } from "../shared/ttl-store";
import { AuthorisationLedger, type RefusalReason } from "./personas";
import type { DigidentitySettings } from "./settings";

/** Web-login page open in the browser, between authorize and the PIN. */
export type LoginTransaction = AuthorizeTransaction;

/** One-time web-login code, bound to everything the token request must repeat. */
export interface AuthorizationCode extends CodeBinding {
  clientId: string;
  scope: string;
  nonce: string | undefined;
  personaId: string;
  authTime: number;
}

export type PasswordlessStatus = "pending" | "approved" | "declined" | "refused" | "redeemed";

/**
 * QR login, keyed by its authorisation code. Kept deliberately small: a pending login costs
 * one of these plus one QR index entry.
 */
export interface PasswordlessSession {
  clientId: string;
  scope: string;
  status: PasswordlessStatus;
  personaId?: string;
  reason?: RefusalReason;
  authTime?: number;
}

export interface AccessGrant {
  clientId: string;
  personaId: string;
  scope: string;
}

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
export type IssuedKind =
  | "web_login_code"
  | "passwordless_code"
  | "access_token"
  | "refresh_token"
  | "id_token"
  | "application_token";
/** How long the sign-in page stays usable; Digidentity's own value is unconfirmed. */
const LOGIN_TRANSACTION_TTL_MS = 10 * 60_000;
/** A QR id outlives its session this long, so a late scan says "expired" rather than "unknown". */
const QR_TOMBSTONE_MS = 60 * 60_000;

/** All in-memory state of the Digidentity sandbox. */
export class DigidentityState extends OidcProviderState<
  LoginTransaction,
  AuthorizationCode,
  AccessGrant,
  IssuedKind
> {
  /** Redeemed code → access token it produced, so a replayed code can revoke it (RFC 6749 §4.1.2). */
  readonly redeemedCodes = new TtlStore<string>({ now: this.now });
  readonly sessions = new TtlStore<PasswordlessSession>({ now: this.now });
  /** Public QR id → secret authorisation code: the QR never carries the code itself. */
  readonly qrCodes = new TtlStore<string>({ now: this.now });
  /** Application tokens (client credentials) for the identity report API. */
  readonly applicationTokens = new TtlStore<{ clientId: string; scope: string }>({ now: this.now });
  /** When each client last verified each person ("client:persona"): its report's start. */
  readonly reportCreatedAt = new Map<string, number>();
  readonly ledger = new AuthorisationLedger();

  constructor(
    readonly settings: DigidentitySettings,
    signingKey: SigningKey,
    now: Clock,
    rotatedKey: SigningKey,
  ) {
    super(settings.clients, signingKey, now, rotatedKey, { modes: OPTIONAL_ID_TOKEN_MISBEHAVIOURS });
  }

  saveTransaction(id: string, transaction: LoginTransaction): void {
    this.transactions.set(id, transaction, LOGIN_TRANSACTION_TTL_MS);
  }

  recordIssued(kind: IssuedKind, value: string): void {
    this.issued.record(kind, value);
  }

  saveCode(code: string, grant: AuthorizationCode): void {
    this.recordIssued("web_login_code", code);
    this.codes.set(code, grant, this.settings.codeTtlMs);
  }

  startPasswordless(code: string, qrId: string, session: PasswordlessSession): void {
    this.recordIssued("passwordless_code", code);
    this.sessions.set(code, session, this.settings.qrTtlMs);
    this.qrCodes.set(qrId, code, this.settings.qrTtlMs + QR_TOMBSTONE_MS);
  }

  /** "unknown" when the QR id was never issued, "expired" when its session is gone. */
  findByQrId(
    qrId: string,
  ):
    | { found: true; code: string; session: PasswordlessSession }
    | { found: false; why: "unknown" | "expired" } {
    const code = this.qrCodes.get(qrId);
    if (code === undefined) return { found: false, why: "unknown" };
    const session = this.sessions.get(code);
    if (!session) return { found: false, why: "expired" };
    return { found: true, code, session };
  }

  /**
   * Everything back to a fresh start. Not exposed as a control endpoint: other people's (or other
   * tests') logins in progress would vanish with it; `/control/reset` only renews authorisations.
   */
  reset(): void {
    this.ledger.reset();
    this.misbehaviour.reset();
    for (const store of [
      this.transactions,
      this.codes,
      this.redeemedCodes,
      this.sessions,
      this.qrCodes,
      this.accessTokens,
    ]) {
      store.clear();
    }
  }
}
