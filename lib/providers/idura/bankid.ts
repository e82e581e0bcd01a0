import "server-only";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";

import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";

import { nordicEidIdentityFromClaims, NordicEidClaimsError } from "@/lib/identity";
import { ProviderError } from "@/lib/upstream/fetch";
import { IdTokenError, verifyProviderIdToken } from "@/lib/oidc/id-token";
import { sealedCookie } from "@/lib/sealed-cookie";
import type { Idura } from "./web";

import { IDURA_BANKID_ID } from "./descriptor";

export { IDURA_BANKID_ID };

/**
 * The headless request id while pending, the ID token once approved: both only in this
 * browser's encrypted httpOnly cookie. The page sees nothing but the QR data and a hint.
 */
export const headlessCookie = sealedCookie(
  "idura-bankid",
  "idura-bankid",
  z.discriminatedUnion("phase", [
    z.object({ phase: z.literal("pending"), headlessReqId: z.string(), expiresAt: z.number() }),
    z.object({ phase: z.literal("approved"), idToken: z.string(), expiresAt: z.number() }),
  ]),
);

async function completeHeadlessLogin(cfg: Idura) {
  const jar = await cookies();
  const name = headlessCookie.name();
  const state = await headlessCookie.open(jar.get(name)?.value);
  // Single use: whatever happens next, this browser's login state is spent.
  jar.delete(name);
  if (!state || state.phase !== "approved" || state.expiresAt < Date.now()) {
    throw new SignInRefused("login_incomplete");
  }
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

export function iduraBankIdProvider(cfg: Idura) {
  return Credentials({
    id: IDURA_BANKID_ID,
    name: "Swedish BankID (QR code)",
    credentials: {},
    authorize: () => completeHeadlessLogin(cfg),
  });
}
