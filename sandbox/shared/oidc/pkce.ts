import { createHash } from "node:crypto";

import { codeVerifierSchema } from "../oauth-params";
import { secretsEqual } from "../secrets";

/* The verifier's and challenge's grammar are in ../oauth-params.ts. */

/** RFC 7636 §4.6, S256 only: does the verifier hash to the challenge sent with the authorization request? */
export function pkceVerifierMatches(verifier: string, challenge: string): boolean {
  return secretsEqual(createHash("sha256").update(verifier, "ascii").digest("base64url"), challenge);
}

/**
 * The token request's `code_verifier`, as sent (perhaps missing), fits RFC 7636 §4.1's grammar and
 * hashes to the challenge: for a provider that gives one answer to both faults.
 */
export function pkceVerifierValid(verifier: string | undefined, challenge: string): boolean {
  const parsed = codeVerifierSchema.safeParse(verifier);
  return parsed.success && pkceVerifierMatches(parsed.data, challenge);
}
