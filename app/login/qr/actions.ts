"use server";

import { CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";

import { signIn } from "@/auth";
import { classifyLoginFailure, loginErrorUrl } from "@/lib/auth-failures";
import { isLoginErrorReason, type LoginErrorReason } from "@/lib/login-errors";
import { DIGIDENTITY_QR_ID } from "@/lib/providers/digidentity-qr";

export type CompleteQrLoginResult = { reason: LoginErrorReason; ref: string };

/**
 * Completes an approved QR login through the `digidentity-qr` provider. The approved state is
 * read from this browser's httpOnly cookie on the server, so the page sends nothing.
 * On success signIn redirects to the account page; on failure the page shows the reason.
 */
export async function completeQrLogin(): Promise<CompleteQrLoginResult> {
  try {
    await signIn(DIGIDENTITY_QR_ID, { redirectTo: "/account" });
  } catch (error) {
    unstable_rethrow(error);
    const reason =
      error instanceof CredentialsSignin && isLoginErrorReason(error.code)
        ? error.code
        : classifyLoginFailure(error);
    const url = new URL(loginErrorUrl(reason, { provider: DIGIDENTITY_QR_ID, error }), "http://x");
    return { reason, ref: url.searchParams.get("ref") ?? "" };
  }
  return { reason: "unknown", ref: "" };
}
