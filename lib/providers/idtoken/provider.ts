import "server-only";

import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";
import { ProviderError } from "@/lib/upstream/fetch";

import { IdtApprovalError, verifyIdtApproval } from "./approval";
import { consumeOnce } from "./consume-once";
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
    // A copy of the approved cookie is not a second login (docs/providers/idtoken.md, "Single use").
    if (!(await consumeOnce(`idt:signin:${verified.replayKey}`, verified.ttlSeconds)))
      throw new SignInRefused("login_incomplete");
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
