import { CredentialsSignin } from "next-auth";

import type { LoginErrorReason } from "./reasons";

/**
 * A Credentials provider's `authorize` refusing a login (QR, IDToken, BankID): Auth.js hands the
 * `code` back to signIn's caller, which shows the reason in place (lib/credentials-sign-in.ts).
 */
export class SignInRefused extends CredentialsSignin {
  constructor(reason: LoginErrorReason) {
    super(reason);
    this.code = reason;
  }
}
