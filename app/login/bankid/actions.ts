"use server";

import { CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";

import { signIn } from "@/auth";
import { classifyLoginFailure, logRefusedLogin } from "@/lib/auth-failures";
import { isLoginErrorReason, type LoginErrorReason } from "@/lib/login-errors";
import { IDURA_BANKID_ID } from "@/lib/providers/idura-bankid";

/** Signs in through `idura-bankid`, which takes the ID token from this browser's cookie. */
export async function completeBankIdLogin(): Promise<{ reason: LoginErrorReason; ref: string }> {
  try {
    await signIn(IDURA_BANKID_ID, { redirectTo: "/account" });
  } catch (error) {
    unstable_rethrow(error);
    const reason =
      error instanceof CredentialsSignin && isLoginErrorReason(error.code)
        ? error.code
        : classifyLoginFailure(error);
    return { reason, ref: logRefusedLogin(reason, { provider: IDURA_BANKID_ID, error }) };
  }
  return { reason: "unknown", ref: "" };
}
