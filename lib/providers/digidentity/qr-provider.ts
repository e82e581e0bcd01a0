import "server-only";

import Credentials from "next-auth/providers/credentials";

import { log } from "@/lib/log";
import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { IdTokenError } from "@/lib/oidc/id-token";
import { takeApprovedLogin } from "@/lib/state/logins";
import { ProviderError } from "@/lib/upstream/fetch";

import { DIGIDENTITY_QR_ID, type DigidentityConfig } from "./descriptor";
import { MissingUidAttributesError, sermiIdentityFromUserInfo } from "./identity";
import { openQrLogin, qrLoginCookie } from "./qr-state";
import { pseudonymFromAccessToken, verifyOptionalIdToken } from "./tokens";
import { authorizationServer } from "./upstream";
import { fetchUserInfo } from "./userinfo";

export { DIGIDENTITY_QR_ID };

/**
 * Step 3 of the QR login: take the tokens from the approved state (once, on every instance), verify the ID token
 * if one came, fetch the UID attributes and, with the report configured, the report pseudonym.
 */
async function completePasswordlessLogin(cfg: DigidentityConfig) {
  // Single use: the cookie is spent, and so is the approval on every instance (a copy of this
  // cookie gets "login_already_used"; without the shared store nobody is signed in unchecked).
  const state = await takeApprovedLogin(
    { name: qrLoginCookie.name, open: openQrLogin },
    "digidentity-qr",
    (approved) => approved.loginId ?? approved.accessToken,
  );

  const as = await authorizationServer(cfg);
  let subject: string | undefined;
  try {
    subject = await verifyOptionalIdToken(cfg, as, state.idToken);
  } catch (e) {
    if (e instanceof IdTokenError) throw new SignInRefused("id_token_invalid");
    throw e;
  }
  const claims = await fetchUserInfo(cfg, as, state.accessToken, subject);
  let identity;
  try {
    identity = sermiIdentityFromUserInfo(claims, DIGIDENTITY_QR_ID);
  } catch (e) {
    if (e instanceof MissingUidAttributesError) throw new SignInRefused("no_uid_attributes");
    throw e;
  }
  if (!cfg.report) return { id: identity.subject, identity };
  const { pseudonym, problem } = await pseudonymFromAccessToken(
    cfg,
    cfg.report,
    as,
    state.accessToken,
    identity.subject,
  );
  if (problem) log.info({ event: "report_pseudonym_missing", problem }, "no identity report link");
  return {
    id: identity.subject,
    identity: pseudonym ? { ...identity, reportPseudonym: pseudonym } : identity,
  };
}

export function digidentityQrProvider(cfg: DigidentityConfig) {
  return Credentials({
    id: DIGIDENTITY_QR_ID,
    name: "Digidentity QR code",
    credentials: {},
    async authorize() {
      try {
        return await completePasswordlessLogin(cfg);
      } catch (e) {
        if (e instanceof SignInRefused) throw e;
        if (e instanceof ProviderError) throw new SignInRefused(e.reason);
        throw e;
      }
    },
  });
}
