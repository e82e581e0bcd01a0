import { misbehavingClaims, signMisbehaving } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import type { IdTokenPersona } from "./personas";
import { ATOMIC_SCOPES, type AtomicScope } from "./scopes";
import type { IdTokenSession, IdTokenState } from "./sessions";

/** Only the claims the granted scopes release (seed 002: "scoped to what the user consented to share"). */
export function grantedClaims(
  persona: IdTokenPersona,
  granted: readonly AtomicScope[],
): Record<string, unknown> {
  const claims: Record<string, unknown> = { tokenId: persona.tokenId };
  for (const scope of granted) {
    for (const claim of ATOMIC_SCOPES[scope].claims) claims[claim] = persona.claims[claim];
  }
  return claims;
}

/**
 * The one place IDToken JWTs are made: ES256 with the operator's key, audience the service,
 * including every way the `misbehaviour` switch can make them wrong for a service.
 * `sid` names the session the approval belongs to, so a relying party can tell that the JWT
 * answers the session it started (not in the public docs: unconfirmed, see README).
 */
export async function issueIdTokenJwt(
  state: IdTokenState,
  session: IdTokenSession,
  persona: IdTokenPersona,
  granted: readonly AtomicScope[],
): Promise<string> {
  const { settings } = state;
  const mode = state.misbehaviour.of(session.serviceId);
  const now = Math.floor(state.now() / 1000);
  const claims = misbehavingClaims(
    mode,
    {
      iss: settings.issuer,
      sub: persona.tokenId,
      aud: session.serviceId,
      iat: now,
      exp: now + settings.jwtTtlSeconds,
      jti: randomId(16),
      // Another session's id: everything else is right, for this very person and service.
      sid: mode === "wrong_session" ? randomId(16) : session.sessionId,
      scope: granted.join(" "),
      idtoken: grantedClaims(persona, granted),
    },
    "idtoken",
  );
  const jwt = await signMisbehaving(mode, claims, {
    signingKey: state.signingKey,
    rotatedKey: state.rotatedKey,
    clientSecret: session.serviceId,
  });
  state.issued.record("jwt", jwt);
  return jwt;
}
