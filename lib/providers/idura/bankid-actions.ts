"use server";

import { completeCredentialsSignIn, type CompleteSignInResult } from "@/lib/credentials-sign-in";
import { IDURA_BANKID_ID } from "@/lib/providers/idura/bankid";

/** Completes a headless BankID login; the ID token is in this browser's httpOnly cookie. */
export async function completeBankIdLogin(): Promise<CompleteSignInResult> {
  return completeCredentialsSignIn(IDURA_BANKID_ID);
}
