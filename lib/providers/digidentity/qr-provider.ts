import "server-only";

import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";

import { log } from "@/lib/log";
import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { IdTokenError } from "@/lib/oidc/id-token";
import { spendApprovedLogin } from "@/lib/state/logins";
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
  const jar = await cookies();
  const name = qrLoginCookie.name();
  const state = await openQrLogin(jar.get(name)?.value);
  // Single use: whatever happens next, this browser's login state is spent.
  jar.delete(name);
  if (!state || state.phase !== "approved" || state.expiresAt < Date.now()) {
    throw new SignInRefused("login_incomplete");
  }
  // Single use on every instance: a copy of this approved cookie signs nobody in a second time
  // ("login_already_used"), and without the shared store nobody is signed in unchecked.
  await spendApprovedLogin(
    "digidentity-qr",
    state.loginId ?? state.accessToken,
    state.expiresAt - Date.now() + 60_000,
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
