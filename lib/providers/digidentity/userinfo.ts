import "server-only";

import * as oauth from "oauth4webapi";

import { oauthClient } from "@/lib/oidc/client";

import { MissingUidAttributesError, sermiIdentityFromUserInfo, type SermiIdentity } from "./identity";
import type { DigidentityConfig } from "./descriptor";
import { userInfoServer } from "./upstream";

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
  const { client, options } = oauthClient(cfg);
  const server = userInfoServer(cfg, as);
  const res = await oauth.userInfoRequest(server, client, accessToken, options);
  return oauth.processUserInfoResponse(server, client, expectedSubject ?? oauth.skipSubjectCheck, res);
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
