import { createHmac, randomInt } from "node:crypto";
import type { WebSocket } from "ws";
import { IssuedLog } from "../shared/issued";
import { JWT_MISBEHAVIOURS, MisbehaviourBook } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import type { SigningKey } from "../shared/signing-key";
import { TtlStore, type Clock } from "../shared/ttl-store";
import type { IdtSettings } from "./settings";
import type { AtomicScope } from "./scopes";

/**
 * What the operator pushes on the browser's WebSocket (docs/providers/idtoken.md, "WebSocket"):
 * exactly the documented members, nothing of the sandbox's own.
 */
export type SessionMessage =
  | { type: "otp_ready"; autoPassword: string; expiresAt: string }
  | { type: "approved"; jwt: string; hash: string; random: string; expiresAt: string }
  | { type: "rejected"; reason: RejectReason };

/** The documented reasons of a failed verification (docs/providers/idtoken.md). */
export const DOCUMENTED_REJECT_REASONS = ["Invalid signature", "Invalid OTP", "Too many attempts"] as const;

/**
 * The holder's "reject" in the app has no documented reason: this text is the sandbox's choice
 * (unconfirmed, docs/providers/idtoken.md); the portal treats any undocumented reason alike.
 */
export const DECLINE_REASON = "Rejected by user";

export type RejectReason = (typeof DOCUMENTED_REJECT_REASONS)[number] | typeof DECLINE_REASON;

export interface IdtSession {
  sessionId: string;
  tokenId: string;
  serviceId: string;
  /** Atomic scopes asked for, composites already expanded. */
  scopes: AtomicScope[];
  autoPassword: string;
  wsToken: string;
  /** The nonce handed out at initiation and echoed in `approved` (docs/providers/idtoken.md). */
  random: string;
  expiresAt: number;
  failedAttempts: number;
  /** Set once: approved or rejected. The WebSocket gets it now, or on connecting if later. */
  outcome?: Extract<SessionMessage, { type: "approved" | "rejected" }>;
  /** Expired without an answer: the socket was closed, a late one hears 4004. */
  expired?: boolean;
  socket?: WebSocket;
}

/** Three attempts at the phone's verification before "Too many attempts" (docs/providers/idtoken.md). */
export const MAX_VERIFY_ATTEMPTS = 3;
/** A session is remembered this long after it ends, for the phone page and the control calls. */
const TOMBSTONE_MS = 10 * 60_000;

/**
 * The key of the `hash` HMAC. The operator's key and input are not documented; the sandbox's
 * are shown on its home page so a portal can switch its (configurable) check on against it.
 */
export const IDTOKEN_SANDBOX_HMAC_KEY = "idtoken-sandbox-response-key";

export class IdtState {
  readonly sessions: TtlStore<IdtSession>;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly misbehaviour: MisbehaviourBook;
  /** The JWTs and socket tokens handed out, for `GET /control/issued`. */
  readonly issued = new IssuedLog<"jwt" | "ws_token">();
  /**
   * Services whose JWTs name the session they answer, and under which claim. The documented JWT
   * has no such claim, so none does unless a test switches it on (`POST /control/session-claim`).
   */
  readonly sessionClaims = new Map<string, string>();

  constructor(
    readonly settings: IdtSettings,
    readonly signingKey: SigningKey,
    readonly now: Clock,
    /** The next signing key (ES256 too), for the `rotated_key` and `bad_signature` misbehaviours. */
    readonly rotatedKey: SigningKey,
  ) {
    this.sessions = new TtlStore({ now });
    this.misbehaviour = new MisbehaviourBook(settings.serviceIds, JWT_MISBEHAVIOURS);
  }

  start(tokenId: string, serviceId: string, scopes: AtomicScope[]): IdtSession {
    const ttlMs = this.settings.sessionTtlSeconds * 1000;
    const session: IdtSession = {
      sessionId: randomId(16),
      tokenId,
      serviceId,
      scopes,
      // Six digits, uniformly: randomInt has no modulo bias.
      autoPassword: String(randomInt(0, 1_000_000)).padStart(6, "0"),
      wsToken: randomId(),
      random: randomId(8),
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

  isPending(session: IdtSession): boolean {
    return session.outcome === undefined && !session.expired && session.expiresAt > this.now();
  }

  /**
   * The most recent pending session of a token: what the phone's push notification shows; with
   * `serviceId`, the most recent one that service asked for (two portals asking one holder).
   */
  latestPending(tokenId: string, serviceId?: string): IdtSession | undefined {
    let latest: IdtSession | undefined;
    for (const session of this.pendingSessions()) {
      if (session.tokenId !== tokenId) continue;
      if (serviceId !== undefined && session.serviceId !== serviceId) continue;
      if (!latest || session.expiresAt >= latest.expiresAt) latest = session;
    }
    return latest;
  }

  *pendingSessions(): Generator<IdtSession> {
    for (const key of this.sessions.keys()) {
      const session = this.sessions.get(key);
      if (session && this.isPending(session)) yield session;
    }
  }

  /** Expiry is no message: the operator closes the socket ("auto-cleanup", 1000). */
  expire(session: IdtSession): void {
    if (session.outcome || session.expired) return;
    session.expired = true;
    session.expiresAt = Math.min(session.expiresAt, this.now());
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN) socket.close(1000);
  }

  /** Record the outcome once and push it to the browser's socket, if one is listening. */
  finish(session: IdtSession, outcome: NonNullable<IdtSession["outcome"]>): void {
    if (session.outcome || session.expired) return;
    session.outcome = outcome;
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN) {
      socket.send(JSON.stringify(outcome));
      socket.close(1000);
    }
  }

  /**
   * `hash` and `random` of the `approved` message. The operator documents `hash` only as a
   * "response verification HMAC" over the initiation's nonce; key and input are the sandbox's
   * choice (HMAC-SHA256 of `{sessionId}.{random}`, base64url), see docs/providers/idtoken.md.
   */
  approvalProof(session: Pick<IdtSession, "sessionId" | "random">): { hash: string; random: string } {
    const hash = createHmac("sha256", IDTOKEN_SANDBOX_HMAC_KEY)
      .update(`${session.sessionId}.${session.random}`)
      .digest("base64url");
    return { hash, random: session.random };
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
      session.socket?.close(1000);
      this.sessions.delete(key);
    }
    // A dropped session's timer finds nothing to expire; the timers of the others must stay.
    if (scoped) return;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
