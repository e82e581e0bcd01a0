import "server-only";

import type * as oauth from "oauth4webapi";

import { IdTokenError, signingAlgorithms, verifyIdToken, verifyProviderJwt } from "@/lib/oidc/id-token";

import type { DigidentityConfig, DigidentityReportConfig } from "./descriptor";
import { jwtExpectations } from "./upstream";

/**
 * Whether Digidentity's token answers carry an ID token is not public (docs/providers/digidentity.md,
 * "ID token"). When one comes it is verified in full: signature against the published keys,
 * issuer, audience, times, and no `nonce`, because the portal sends none. Its `sub` then pins
 * the userinfo answer. When none comes, the login rests on userinfo alone.
 */
export async function verifyOptionalIdToken(
  cfg: DigidentityConfig,
  as: oauth.AuthorizationServer,
  idToken: string | undefined,
): Promise<string | undefined> {
  if (idToken === undefined) return undefined;
  const expect = jwtExpectations(cfg, as);
  const payload = await verifyIdToken(idToken, {
    issuer: expect.issuer,
    clientId: expect.clientId,
    jwksUri: expect.jwksUri,
    algorithms: signingAlgorithms(expect.announcedAlgorithms),
  });
  // OIDC Core §3.1.2.1: a nonce is only echoed when one was sent; an unasked one is a replay sign.
  if (payload.nonce !== undefined) throw new IdTokenError("ID token carries a nonce that was never sent");
  return payload.sub;
}

const PSEUDONYM = /^[\w.-]{1,128}$/;

/**
 * "Retrieve user pseudonym from access token" (docs/providers/digidentity.md, "Identity report"):
 * when the access token is a JWT signed by the provider for this client and this user, the
 * configured claim keys the report. An opaque token, or one that does not verify, means no
 * report link; the reason is returned so the caller can log it.
 */
export async function pseudonymFromAccessToken(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
  as: oauth.AuthorizationServer,
  accessToken: string,
  subject: string,
): Promise<{ pseudonym?: string; problem?: string }> {
  if (accessToken.split(".").length !== 3) return { problem: "access token is not a JWT" };
  const expect = jwtExpectations(cfg, as);
  try {
    const payload = await verifyProviderJwt(accessToken, {
      issuer: expect.issuer,
      clientId: expect.clientId,
      jwksUri: expect.jwksUri,
      algorithms: signingAlgorithms(expect.announcedAlgorithms),
    });
    const pseudonym = payload[report.pseudonymClaim];
    if (payload.sub !== subject) return { problem: "access token names another subject" };
    if (typeof pseudonym !== "string" || !PSEUDONYM.test(pseudonym)) {
      return { problem: `access token has no usable ${report.pseudonymClaim} claim` };
    }
    return { pseudonym };
  } catch (e) {
    return { problem: `access token did not verify (${(e as { code?: string }).code ?? "error"})` };
  }
}
