"use server";

import { completeCredentialsSignIn, type CompleteSignInResult } from "@/lib/credentials-sign-in";
import { IDTOKEN_ID } from "@/lib/providers/idtoken/descriptor";

/** Completes an IDToken login; the verified JWT is in this browser's httpOnly cookie. */
export async function completeIdtLogin(): Promise<CompleteSignInResult> {
  return completeCredentialsSignIn(IDTOKEN_ID);
}
