import "server-only";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { takeApprovedLogin } from "@/lib/state/logins";

import Credentials from "next-auth/providers/credentials";

import { nordicEidIdentityFromClaims, NordicEidClaimsError } from "./identity";
import { ProviderError } from "@/lib/upstream/fetch";
import { IdTokenError, verifyProviderIdToken } from "@/lib/oidc/id-token";
import type { IduraClient } from "./backchannel";
import { headlessCookie } from "./headless";

import { IDURA_BANKID_ID } from "./descriptor";

export { IDURA_BANKID_ID };

async function completeHeadlessLogin(cfg: IduraClient) {
  // Single use, of the cookie and on every instance: a copy of it is no second login.
  const state = await takeApprovedLogin(
    headlessCookie,
    "idura-bankid",
    (approved) => approved.loginId ?? approved.idToken,
  );
  try {
    const claims = await verifyProviderIdToken(cfg, state.idToken);
    const identity = nordicEidIdentityFromClaims(claims, IDURA_BANKID_ID);
    return { id: identity.subject, identity };
  } catch (e) {
    if (e instanceof IdTokenError) throw new SignInRefused("id_token_invalid");
    if (e instanceof NordicEidClaimsError) throw new SignInRefused("provider_error");
    if (e instanceof ProviderError) throw new SignInRefused(e.reason);
    throw e;
  }
}

export function iduraBankIdProvider(cfg: IduraClient) {
  return Credentials({
    id: IDURA_BANKID_ID,
    name: "Swedish BankID (QR code)",
    credentials: {},
    authorize: () => completeHeadlessLogin(cfg),
  });
}
