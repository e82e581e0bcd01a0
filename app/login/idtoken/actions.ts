"use server";

import { CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";

import { signIn } from "@/auth";
import { classifyLoginFailure, logRefusedLogin } from "@/lib/auth-failures";
import { isLoginErrorReason, type LoginErrorReason } from "@/lib/login-errors";
import { IDTOKEN_ID } from "@/lib/providers/idtoken";

export type CompleteIdTokenLoginResult = { reason: LoginErrorReason; ref: string };

/**
 * Signs in through the `idtoken` provider, which takes the verified JWT from this browser's
 * httpOnly cookie: the page sends nothing. On success signIn redirects to the account page.
 */
export async function completeIdTokenLogin(): Promise<CompleteIdTokenLoginResult> {
  try {
    await signIn(IDTOKEN_ID, { redirectTo: "/account" });
  } catch (error) {
    unstable_rethrow(error);
    const reason =
      error instanceof CredentialsSignin && isLoginErrorReason(error.code)
        ? error.code
        : classifyLoginFailure(error);
    return { reason, ref: logRefusedLogin(reason, { provider: IDTOKEN_ID, error }) };
  }
  return { reason: "unknown", ref: "" };
}
