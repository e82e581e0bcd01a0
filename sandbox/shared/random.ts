import { randomBytes } from "node:crypto";

/** Unguessable URL-safe identifier; 32 bytes (256 bits) unless a shorter public id is enough. */
export function randomId(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
