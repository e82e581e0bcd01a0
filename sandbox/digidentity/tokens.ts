import { SignJWT } from "jose";

import { misbehavingClaims, signMisbehaving } from "../shared/misbehaviour";
import { randomId } from "../shared/random";
import { SIGNING_ALG } from "../shared/signing-key";
import type { Persona, UidSet } from "./personas";
import { pseudonymOf } from "./reports";
import { ACCESS_TOKEN_TTL_SECONDS, type DigidentityState } from "./state";

const ID_TOKEN_TTL_SECONDS = 5 * 60;

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  id_token?: string;
}

/**
 * Token response of a successful login (OIDC Core §3.1.3.3). The access token is an opaque random
 * string resolved in memory, as Digidentity's are opaque to clients. The refresh token is shaped
 * like Digidentity's response but cannot be redeemed: the sandbox, like the portal, only uses
 * the authorization_code grant.
 */
export async function issueTokens(
  state: DigidentityState,
  grant: { clientId: string; persona: Persona; scope: string; nonce: string | undefined; authTime: number },
): Promise<TokenResponse> {
  const accessToken = await signAccessToken(state, grant);
  state.accessTokens.set(
    accessToken,
    { clientId: grant.clientId, personaId: grant.persona.id, scope: grant.scope },
    ACCESS_TOKEN_TTL_SECONDS * 1000,
  );
  // Whether Digidentity's answers carry one is not public (docs/providers/digidentity.md): the
  // sandbox sends one, as OIDC Core §3.1.3.3 asks for the openid scope, unless told not to.
  const idToken =
    state.misbehaviour.of(grant.clientId) === "no_id_token" ? undefined : await signIdToken(state, grant);
  state.reportCreatedAt.set(`${grant.clientId}:${grant.persona.id}`, state.now());
  const refreshToken = randomId();
  state.recordIssued("access_token", accessToken);
  state.recordIssued("refresh_token", refreshToken);
  if (idToken) state.recordIssued("id_token", idToken);
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    scope: grant.scope,
    ...(idToken ? { id_token: idToken } : {}),
  };
}

/**
 * Access tokens are JWTs (RFC 9068) so that the backend can "retrieve the user pseudonym from
 * the access token" (docs/providers/digidentity.md) for the identity report; they are still looked up in memory at
 * the userinfo endpoint, so revoking one works. The claim name is unconfirmed: `pseudonym`.
 */
async function signAccessToken(
  state: DigidentityState,
  grant: { clientId: string; persona: Persona; scope: string },
): Promise<string> {
  const now = Math.floor(state.now() / 1000);
  return new SignJWT({ client_id: grant.clientId, scope: grant.scope, pseudonym: pseudonymOf(grant.persona) })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: state.signingKey.kid, typ: "at+jwt" })
    .setIssuer(state.settings.issuer)
    .setSubject(grant.persona.uids.sub)
    .setAudience(grant.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
    .setJti(randomId(16))
    .sign(state.signingKey.privateKey);
}

/**
 * The one place ID tokens are made (OIDC Core §2), including every way the `misbehaviour` switch
 * can make them wrong for a client.
 */
async function signIdToken(
  state: DigidentityState,
  grant: { clientId: string; persona: Persona; nonce: string | undefined; authTime: number },
): Promise<string> {
  const mode = state.misbehaviour.of(grant.clientId);
  const now = Math.floor(state.now() / 1000);
  const claims = misbehavingClaims(
    mode,
    {
      iss: state.settings.issuer,
      sub: grant.persona.uids.sub,
      aud: grant.clientId,
      iat: now,
      exp: now + ID_TOKEN_TTL_SECONDS,
      auth_time: Math.floor(grant.authTime / 1000),
      amr: ["pin"],
      nonce: grant.nonce,
    },
    "digidentity",
  );
  return signMisbehaving(mode, claims, {
    signingKey: state.signingKey,
    rotatedKey: state.rotatedKey,
    clientSecret: state.clientSecret(grant.clientId),
  });
}

/**
 * Digidentity only releases UID attributes when both the client's product scope and `sermi`
 * were granted; otherwise userinfo is just the subject.
 */
export function userInfoClaims(persona: Persona, scope: string, productScope: string): Partial<UidSet> {
  const scopes = scope.split(" ");
  if (!scopes.includes(productScope) || !scopes.includes("sermi")) return { sub: persona.uids.sub };
  return { ...persona.uids };
}

/**
 * Keeps the requested scopes the sandbox knows and drops the rest, as RFC 6749 §3.3 allows; the
 * token response's `scope` then tells the client what it really got.
 */
export function grantedScope(requested: string, productScope: string): string {
  const supported = new Set(["openid", "sermi", productScope]);
  return [...new Set(requested.split(" ").filter((scope) => supported.has(scope)))].join(" ");
}
