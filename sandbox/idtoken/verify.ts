import { randomId } from "../shared/random";
import { secretsEqual } from "../shared/secrets";
import { issueIdtJwt } from "./jwt";
import { findIdtPersona, IDTOKEN_SANDBOX_PIN } from "./personas";
import { expandScopes } from "./scopes";
import { DECLINE_REASON, IdtState, MAX_VERIFY_ATTEMPTS } from "./state";

export type VerifyInput = {
  sessionId: string;
  tokenId: string;
  autoPassword: string;
  decision: "approve" | "reject";
  grantedScopes?: string[];
  /** Stands in for the app's biometric-backed ECDSA signature. */
  pin?: string;
};

export type VerifyResult =
  | { ok: true; status: "approved" | "rejected" }
  | {
      ok: false;
      status: 400 | 401 | 403 | 404 | 409 | 410;
      error: string;
      message: string;
      attemptsLeft?: number;
    };

/**
 * The phone's answer. Each failed check (OTP or biometric) uses one of the three attempts and
 * the phone may try again; the third failure rejects the session with "Too many attempts",
 * which the browser hears at once (docs/providers/idtoken.md).
 */
export async function verify(state: IdtState, input: VerifyInput): Promise<VerifyResult> {
  const session = state.sessions.get(input.sessionId);
  if (!session || session.tokenId !== input.tokenId) {
    return { ok: false, status: 404, error: "unknown_session", message: "no such session for this token" };
  }
  if (session.outcome) {
    return {
      ok: false,
      status: 409,
      error: "already_answered",
      message: `this session is already ${session.outcome.type}`,
    };
  }
  if (!state.isPending(session)) {
    state.expire(session);
    return { ok: false, status: 410, error: "expired", message: "the one-time password has expired" };
  }
  if (input.decision === "reject") {
    state.finish(session, { type: "rejected", reason: DECLINE_REASON });
    return { ok: true, status: "rejected" };
  }
  const granted = expandScopes(input.grantedScopes ?? session.scopes);
  if (
    !granted.ok ||
    granted.scopes.length === 0 ||
    !granted.scopes.every((s) => session.scopes.includes(s))
  ) {
    return {
      ok: false,
      status: 400,
      error: "invalid_scope",
      message: "grant one or more of the requested scopes",
    };
  }
  const matches =
    secretsEqual(input.autoPassword, session.autoPassword) &&
    secretsEqual(input.pin ?? "", IDTOKEN_SANDBOX_PIN);
  if (!matches) {
    session.failedAttempts += 1;
    const attemptsLeft = MAX_VERIFY_ATTEMPTS - session.failedAttempts;
    if (attemptsLeft <= 0) {
      state.finish(session, { type: "rejected", reason: "Too many attempts" });
      return {
        ok: false,
        status: 403,
        error: "too_many_attempts",
        message: "three failed attempts: the session is rejected",
      };
    }
    return {
      ok: false,
      status: 401,
      error: "verification_failed",
      message: "the verification failed",
      attemptsLeft,
    };
  }
  const persona = findIdtPersona(session.tokenId);
  if (!persona) return { ok: false, status: 404, error: "unknown_token", message: "no such token" };
  const { jwt, exp } = await issueIdtJwt(state, session, persona, granted.scopes);
  // `wrong_session`: the proof of another session rides along, as a replayed approval would.
  const proofOf =
    state.misbehaviour.of(session.serviceId) === "wrong_session"
      ? { sessionId: session.sessionId, random: randomId(8) }
      : session;
  state.finish(session, {
    type: "approved",
    jwt,
    ...state.approvalProof(proofOf),
    expiresAt: new Date(exp * 1000).toISOString(),
  });
  return { ok: true, status: "approved" };
}
