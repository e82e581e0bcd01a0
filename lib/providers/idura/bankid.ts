import "server-only";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { spendApprovedLogin } from "@/lib/state/logins";

import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";

import { nordicEidIdentityFromClaims, NordicEidClaimsError } from "./identity";
import { ProviderError } from "@/lib/upstream/fetch";
import { IdTokenError, verifyProviderIdToken } from "@/lib/oidc/id-token";
import type { IduraClient } from "./backchannel";
import { headlessCookie } from "./headless";

import { IDURA_BANKID_ID } from "./descriptor";

export { IDURA_BANKID_ID };

async function completeHeadlessLogin(cfg: IduraClient) {
  const jar = await cookies();
  const name = headlessCookie.name();
  const state = await headlessCookie.open(jar.get(name)?.value);
  // Single use: whatever happens next, this browser's login state is spent.
  jar.delete(name);
  if (!state || state.phase !== "approved" || state.expiresAt < Date.now()) {
    throw new SignInRefused("login_incomplete");
  }
  // Single use on every instance: a copy of the approved cookie is no second login.
  await spendApprovedLogin(
    "idura-bankid",
    state.loginId ?? state.idToken,
    state.expiresAt - Date.now() + 60_000,
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
