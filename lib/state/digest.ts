import { createHash } from "node:crypto";

/** A short digest of a token, a code or a JWT, so the whole credential never becomes a key. */
export const digestOf = (value: string) => createHash("sha256").update(value).digest("base64url");
