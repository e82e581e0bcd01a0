import "server-only";

import * as oauth from "oauth4webapi";

import { MissingUidAttributesError, sermiIdentityFromUserInfo, type SermiIdentity } from "./identity";
import type { DigidentityConfig } from "./descriptor";
import { client, requestOptions, userInfoServer } from "./upstream";

/**
 * `user_info.json` with the access token (docs/providers/digidentity.md, "Userinfo"), through
 * oauth4webapi: its `sub` must equal the ID token's when there was one (OIDC Core §5.3.2).
 */
export async function fetchUserInfo(
  cfg: DigidentityConfig,
  as: oauth.AuthorizationServer,
  accessToken: string,
  expectedSubject: string | undefined,
): Promise<oauth.UserInfoResponse> {
  const server = userInfoServer(cfg, as);
  const res = await oauth.userInfoRequest(server, client(cfg), accessToken, requestOptions(cfg));
  return oauth.processUserInfoResponse(server, client(cfg), expectedSubject ?? oauth.skipSubjectCheck, res);
}

/** The SERMI identity in a userinfo answer, or null when it carries no valid UID set. */
export function sermiIdentityOrNull(
  claims: unknown,
  provider: SermiIdentity["provider"],
): SermiIdentity | null {
  try {
    return sermiIdentityFromUserInfo(claims, provider);
  } catch (e) {
    if (e instanceof MissingUidAttributesError) return null;
    throw e;
  }
}
