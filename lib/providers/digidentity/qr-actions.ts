"use server";

import { completeCredentialsSignIn, type CompleteSignInResult } from "@/lib/credentials-sign-in";
import { DIGIDENTITY_QR_ID } from "@/lib/providers/digidentity/descriptor";

/** Completes an approved QR login; the approved state is in this browser's httpOnly cookie. */
export async function completeQrLogin(): Promise<CompleteSignInResult> {
  return completeCredentialsSignIn(DIGIDENTITY_QR_ID);
}
