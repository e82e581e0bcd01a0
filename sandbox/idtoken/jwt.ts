import { misbehavingClaims, signMisbehaving } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import type { IdtPersona } from "./personas";
import { ATOMIC_SCOPES, type AtomicScope } from "./scopes";
import type { IdtSession, IdtState } from "./state";

/** Only the claims the granted scopes release ("scoped to what the user consented to share"). */
export function grantedClaims(persona: IdtPersona, granted: readonly AtomicScope[]): Record<string, unknown> {
  const claims: Record<string, unknown> = { tokenId: persona.tokenId };
  for (const scope of granted) {
    for (const claim of ATOMIC_SCOPES[scope].claims) claims[claim] = persona.claims[claim];
  }
  return claims;
}

/**
 * The one place IDToken JWTs are made: ES256 with the operator's key, audience the service,
 * including every way the `misbehaviour` switch can make them wrong for a service. The claims
 * are the documented ones (`iss sub aud iat exp scope idtoken`, docs/providers/idtoken.md); a
 * session claim only for a service a test switched it on for (`POST /control/session-claim`).
 */
export async function issueIdtJwt(
  state: IdtState,
  session: IdtSession,
  persona: IdtPersona,
  granted: readonly AtomicScope[],
): Promise<{ jwt: string; exp: number }> {
  const { settings } = state;
  const mode = state.misbehaviour.of(session.serviceId);
  const now = Math.floor(state.now() / 1000);
  const sessionClaim = state.sessionClaims.get(session.serviceId);
  const claims = misbehavingClaims(
    mode,
    {
      iss: settings.issuer,
      sub: persona.tokenId,
      aud: session.serviceId,
      iat: now,
      exp: now + settings.jwtTtlSeconds,
      scope: granted.join(" "),
      idtoken: grantedClaims(persona, granted),
      // Another session's id: everything else is right, for this very person and service.
      ...(sessionClaim
        ? { [sessionClaim]: mode === "wrong_session" ? randomId(16) : session.sessionId }
        : {}),
    },
    "idtoken",
  );
  const jwt = await signMisbehaving(mode, claims, {
    signingKey: state.signingKey,
    rotatedKey: state.rotatedKey,
    clientSecret: session.serviceId,
  });
  state.issued.record("jwt", jwt);
  return { jwt, exp: typeof claims.exp === "number" ? claims.exp : now + settings.jwtTtlSeconds };
}
