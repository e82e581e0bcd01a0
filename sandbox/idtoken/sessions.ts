import { createHash, randomInt } from "node:crypto";
import type { WebSocket } from "ws";
import type { IdTokenConfig } from "../config";
import { IssuedLog } from "../shared/issued";
import { JWT_MISBEHAVIOURS, MisbehaviourBook } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import type { SigningKey } from "../shared/signing-key";
import { TtlStore, type Clock } from "../shared/ttl-store";
import type { AtomicScope } from "./scopes";

/** What the operator pushes on the browser's WebSocket (seed 002, "WebSocket API"). */
export type SessionMessage =
  | { type: "otp_ready"; sessionId: string; expiresAt: string }
  | { type: "approved"; jwt: string; hash: string; random: string; expiresAt: string }
  | { type: "rejected"; reason: RejectReason };

/** Rejection reasons are not in the public docs (unconfirmed); these are the sandbox's. */
export type RejectReason = "user_rejected" | "expired" | "too_many_attempts";

export interface IdTokenSession {
  sessionId: string;
  tokenId: string;
  serviceId: string;
  /** Atomic scopes asked for, composites already expanded. */
  scopes: AtomicScope[];
  autoPassword: string;
  wsToken: string;
  expiresAt: number;
  failedAttempts: number;
  /** Set once: approved or rejected. The WebSocket gets it now, or on connecting if later. */
  outcome?: Extract<SessionMessage, { type: "approved" | "rejected" }>;
  socket?: WebSocket;
}

/** The seed's 3 attempts at the phone's verification before the session is rejected. */
export const MAX_VERIFY_ATTEMPTS = 3;
/** A session is remembered this long after it ends, so a late socket hears "expired", not 4004. */
const TOMBSTONE_MS = 10 * 60_000;

export interface IdTokenSettings extends IdTokenConfig {
  issuer: string;
  publicUrl: string;
  /** Every registered service, the main one first. */
  serviceIds: readonly string[];
}

export class IdTokenState {
  readonly sessions: TtlStore<IdTokenSession>;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly misbehaviour: MisbehaviourBook;
  /** The JWTs and socket tokens handed out, for `GET /control/issued`. */
  readonly issued = new IssuedLog<"jwt" | "ws_token">();

  constructor(
    readonly settings: IdTokenSettings,
    readonly signingKey: SigningKey,
    readonly now: Clock,
    /** The next signing key (ES256 too), for the `rotated_key` and `bad_signature` misbehaviours. */
    readonly rotatedKey: SigningKey,
  ) {
    this.sessions = new TtlStore({ now });
    this.misbehaviour = new MisbehaviourBook(settings.serviceIds, JWT_MISBEHAVIOURS);
  }

  start(tokenId: string, serviceId: string, scopes: AtomicScope[]): IdTokenSession {
    const ttlMs = this.settings.sessionTtlSeconds * 1000;
    const session: IdTokenSession = {
      sessionId: randomId(16),
      tokenId,
      serviceId,
      scopes,
      // Six digits, uniformly: randomInt has no modulo bias.
      autoPassword: String(randomInt(0, 1_000_000)).padStart(6, "0"),
      wsToken: randomId(),
      expiresAt: this.now() + ttlMs,
      failedAttempts: 0,
    };
    this.sessions.set(session.sessionId, session, ttlMs + TOMBSTONE_MS);
    this.issued.record("ws_token", session.wsToken);
    // The browser must hear about the expiry without asking, as it would from the real operator.
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.expire(session);
    }, ttlMs);
    timer.unref();
    this.#timers.add(timer);
    return session;
  }

  isPending(session: IdTokenSession): boolean {
    return session.outcome === undefined && session.expiresAt > this.now();
  }

  /** The most recent pending session of a token: what the phone's push notification shows. */
  latestPending(tokenId: string): IdTokenSession | undefined {
    let latest: IdTokenSession | undefined;
    for (const session of this.pendingSessions()) {
      if (session.tokenId === tokenId && (!latest || session.expiresAt >= latest.expiresAt)) latest = session;
    }
    return latest;
  }

  *pendingSessions(): Generator<IdTokenSession> {
    for (const key of this.sessions.keys()) {
      const session = this.sessions.get(key);
      if (session && this.isPending(session)) yield session;
    }
  }

  expire(session: IdTokenSession): void {
    if (session.outcome) return;
    session.expiresAt = Math.min(session.expiresAt, this.now());
    this.finish(session, { type: "rejected", reason: "expired" });
  }

  /** Record the outcome once and push it to the browser's socket, if one is listening. */
  finish(session: IdTokenSession, outcome: NonNullable<IdTokenSession["outcome"]>): void {
    if (session.outcome) return;
    session.outcome = outcome;
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN) {
      socket.send(JSON.stringify(outcome));
      socket.close(1000, outcome.type);
    }
  }

  /** Unconfirmed: the seed names `hash` and `random` without defining them; see README. */
  approvalProof(session: IdTokenSession): { hash: string; random: string } {
    const random = randomId(16);
    const hash = createHash("sha256")
      .update(`${session.sessionId}.${session.autoPassword}.${random}`)
      .digest("base64url");
    return { hash, random };
  }

  /**
   * Drops every session, or only those of one service and/or one token id, so one test suite
   * does not end the logins another runs beside it.
   */
  reset(only: { serviceId?: string; tokenId?: string } = {}): void {
    const scoped = only.serviceId !== undefined || only.tokenId !== undefined;
    for (const key of this.sessions.keys()) {
      const session = this.sessions.get(key);
      if (!session) continue;
      if (only.serviceId !== undefined && session.serviceId !== only.serviceId) continue;
      if (only.tokenId !== undefined && session.tokenId !== only.tokenId) continue;
      session.socket?.close(1000, "reset");
      this.sessions.delete(key);
    }
    // A dropped session's timer finds nothing to expire; the timers of the others must stay.
    if (scoped) return;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
