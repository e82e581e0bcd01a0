import "server-only";

import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { spendApprovedLogin } from "@/lib/state/logins";
import { ProviderError } from "@/lib/upstream/fetch";

import { IdtApprovalError, verifyIdtApproval } from "./approval";
import { IDTOKEN_ID, type IdtokenConfig } from "./descriptor";
import { idtLoginCookie } from "./login-state";

export { IDTOKEN_ID };

/**
 * The sign-in step: `authorize` takes the approved JWT from this browser's cookie (spent at
 * once, and refused if the same approval was signed in with before), verifies it again, and
 * returns the user.
 */
async function signInWithIdtApproval(cfg: IdtokenConfig) {
  const jar = await cookies();
  const name = idtLoginCookie.name();
  const state = await idtLoginCookie.open(jar.get(name)?.value);
  jar.delete(name);
  if (!state || state.phase !== "approved" || state.expiresAt <= Date.now())
    throw new SignInRefused("login_incomplete");
  try {
    const verified = await verifyIdtApproval(cfg, { jwt: state.jwt }, state, { proofChecked: true });
    // A copy of the approved cookie is not a second login, on any instance
    // (docs/providers/idtoken.md, "Single use"): "login_already_used", or "state_unavailable"
    // when the shared store cannot say.
    await spendApprovedLogin("idt-signin", state.sessionId, verified.ttlSeconds * 1000);
    return { id: verified.identity.subject, identity: verified.identity };
  } catch (e) {
    if (e instanceof IdtApprovalError) throw new SignInRefused("id_token_invalid");
    if (e instanceof ProviderError) throw new SignInRefused(e.reason);
    throw e;
  }
}

export function idtProvider(cfg: IdtokenConfig) {
  return Credentials({
    id: IDTOKEN_ID,
    name: "IDToken",
    credentials: {},
    authorize: () => signInWithIdtApproval(cfg),
  });
}
