/**
 * What the IDToken login page and the portal's routes say to each other, and how the page reads
 * the operator's socket (docs/providers/idtoken.md, "WebSocket"). No server-only: the page
 * imports it.
 */
import type { LoginErrorReason } from "@/lib/login-failure/reasons";

export type IdtStartResponse = {
  /** The one-time password to show, for the holder to compare with their phone. */
  autoPassword: string;
  /** The operator's WebSocket for this session; its token is a bearer for the socket only. */
  socketUrl: string;
  /** Epoch milliseconds. */
  expiresAt: number;
};

export type IdtCompleteResponse = { status: "approved" };

/** The documented rejection reasons, each with its own words; any other is "refused in the app". */
const REJECT_REASONS: Record<string, LoginErrorReason> = {
  "Invalid signature": "idtoken_invalid_signature",
  "Invalid OTP": "idtoken_invalid_otp",
  "Too many attempts": "idtoken_too_many_attempts",
};

/**
 * Close codes: 4001 bad wsToken, 4004 session not found, 4009 replaced by a newer connection;
 * 1000 before any answer is the operator's clean-up of an expired session.
 */
const CLOSE_REASONS: Record<number, LoginErrorReason> = {
  1000: "idtoken_expired",
  4001: "login_incomplete",
  4004: "login_expired",
  4009: "idtoken_replaced",
};

export type IdtSocketEvent =
  | { type: "approved"; approval: { jwt: string; hash?: string; random?: string } }
  | { type: "ended"; reason: LoginErrorReason };

/** One message of the operator's socket; null for `otp_ready` and anything not understood. */
export function readIdtSocketMessage(data: unknown): IdtSocketEvent | null {
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return null;
  }
  if (message === null || typeof message !== "object") return null;
  const m = message as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
  if (m.type === "approved" && text(m.jwt)) {
    const hash = text(m.hash);
    const random = text(m.random);
    return {
      type: "approved",
      approval: { jwt: m.jwt as string, ...(hash ? { hash } : {}), ...(random ? { random } : {}) },
    };
  }
  if (m.type === "rejected") {
    const reason = typeof m.reason === "string" ? REJECT_REASONS[m.reason] : undefined;
    return { type: "ended", reason: reason ?? "idtoken_rejected" };
  }
  return null;
}

/** Why the socket closed before an answer, or undefined for a close that says nothing. */
export function idtCloseReason(code: number): LoginErrorReason | undefined {
  return CLOSE_REASONS[code];
}
