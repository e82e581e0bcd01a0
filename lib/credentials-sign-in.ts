import "server-only";

import { CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";

import { signIn } from "@/auth";
import { classifyLoginFailure, logRefusedLogin } from "@/lib/login-failure/classify";
import { isLoginErrorReason, type LoginErrorReason } from "@/lib/login-failure/reasons";

export type CompleteSignInResult = { reason: LoginErrorReason; ref: string };

/**
 * The last step of the logins approved on another device (QR, IDToken, BankID): sign in through
 * a Credentials provider that takes what it needs from this browser's httpOnly cookie, so the page
 * sends nothing. On success signIn redirects to the account page (rethrown); on failure the page
 * shows the reason in place, with the reference id of the log line.
 */
export async function completeCredentialsSignIn(providerId: string): Promise<CompleteSignInResult> {
  try {
    await signIn(providerId, { redirectTo: "/account" });
  } catch (error) {
    unstable_rethrow(error);
    const reason =
      error instanceof CredentialsSignin && isLoginErrorReason(error.code)
        ? error.code
        : classifyLoginFailure(error);
    return { reason, ref: logRefusedLogin(reason, { provider: providerId, error }) };
  }
  return { reason: "unknown", ref: "" };
}
