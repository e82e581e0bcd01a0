import type { LoginErrorReason } from "./reasons";

/**
 * A provider's answer arrived and verified, but it does not make an identity the portal can use
 * (e.g. user info without the attributes its identity is made of). A provider module throws a
 * subclass from its identity mapping; classify.ts shows `reason` without knowing the provider.
 */
export class IdentityRefused extends Error {
  constructor(
    readonly reason: LoginErrorReason,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
