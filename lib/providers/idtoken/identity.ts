/** An IDToken holder, as the operator's verified JWT describes them (seed 002). */
import { z } from "zod";

const text = z.string().trim().min(1).max(256);

/** Claims under the JWT's `idtoken` object; each is present only when its scope was granted. */
export const idTokenClaimsSchema = z.object({
  tokenId: text,
  givenName: text.optional(),
  familyName: text.optional(),
  dateOfBirth: z.iso.date().optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2,3}$/)
    .optional(),
  age_over_18: z.boolean().optional(),
  document: z
    .object({ type: text, number: text, issuingCountry: text.optional(), expiresOn: z.iso.date().optional() })
    .optional(),
  trust_level: text.optional(),
});

export type IdTokenIdentity = {
  kind: "idtoken";
  provider: "idtoken";
  /** ISO 8601 time of the login. */
  loginAt: string;
  /** The holder's token id (the JWT's `sub`). */
  subject: string;
  /** The scopes the holder granted on their phone. */
  grantedScopes: string[];
  name?: { given: string; family: string };
  dateOfBirth?: string;
  nationality?: string;
  ageOver18?: boolean;
  document?: { type: string; number: string; issuingCountry?: string; expiresOn?: string };
  trustLevel?: string;
};

export class IdTokenClaimsError extends Error {
  constructor() {
    super("the IDToken JWT did not carry well-formed claims");
    this.name = "IdTokenClaimsError";
  }
}

/** From a verified JWT payload; the `idtoken.tokenId` must be the `sub` it sits under. */
export function idTokenIdentityFromPayload(
  payload: { sub?: unknown; scope?: unknown; idtoken?: unknown },
  loginAt = new Date(),
): IdTokenIdentity {
  const parsed = idTokenClaimsSchema.safeParse(payload.idtoken);
  if (!parsed.success || typeof payload.sub !== "string" || parsed.data.tokenId !== payload.sub) {
    throw new IdTokenClaimsError();
  }
  const c = parsed.data;
  const identity: IdTokenIdentity = {
    kind: "idtoken",
    provider: "idtoken",
    loginAt: loginAt.toISOString(),
    subject: payload.sub,
    grantedScopes: typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [],
  };
  if (c.givenName && c.familyName) identity.name = { given: c.givenName, family: c.familyName };
  if (c.dateOfBirth) identity.dateOfBirth = c.dateOfBirth;
  if (c.nationality) identity.nationality = c.nationality;
  if (c.age_over_18 !== undefined) identity.ageOver18 = c.age_over_18;
  if (c.document) identity.document = c.document;
  if (c.trust_level) identity.trustLevel = c.trust_level;
  return identity;
}
