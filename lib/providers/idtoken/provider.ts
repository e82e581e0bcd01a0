import "server-only";

import Credentials from "next-auth/providers/credentials";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { takeApprovedLogin } from "@/lib/state/logins";
import { ProviderError } from "@/lib/upstream/fetch";

import { IdtApprovalError, verifyIdtApproval } from "./approval";
import { IDTOKEN_ID, type IdtConfig } from "./descriptor";
import { idtLoginCookie } from "./login-state";

export { IDTOKEN_ID };

/**
 * The sign-in step: `authorize` takes the approved JWT from this browser's cookie (spent at
 * once, and refused if the same approval was signed in with before), verifies it again, and
 * returns the user.
 */
async function signInWithIdtApproval(cfg: IdtConfig) {
  // A copy of the approved cookie is not a second login, on any instance
  // (docs/providers/idtoken.md, "Single use"): "login_already_used", or "state_unavailable"
  // when the shared store cannot say.
  const state = await takeApprovedLogin(idtLoginCookie, "idt-signin", (approved) => approved.sessionId);
  try {
    const verified = await verifyIdtApproval(cfg, { jwt: state.jwt }, state, { proofChecked: true });
    return { id: verified.identity.subject, identity: verified.identity };
  } catch (e) {
    if (e instanceof IdtApprovalError) throw new SignInRefused("id_token_invalid");
    if (e instanceof ProviderError) throw new SignInRefused(e.reason);
    throw e;
  }
}

export function idtProvider(cfg: IdtConfig) {
  return Credentials({
    id: IDTOKEN_ID,
    name: "IDToken",
    credentials: {},
    authorize: () => signInWithIdtApproval(cfg),
  });
}
