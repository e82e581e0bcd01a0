import { createHash } from "node:crypto";

import { secretsEqual } from "../secrets";

/* The verifier's and challenge's grammar are in ../oauth-params.ts. */

/** RFC 7636 §4.6, S256 only: does the verifier hash to the challenge sent with the authorization request? */
export function pkceVerifierMatches(verifier: string, challenge: string): boolean {
  return secretsEqual(createHash("sha256").update(verifier, "ascii").digest("base64url"), challenge);
}
