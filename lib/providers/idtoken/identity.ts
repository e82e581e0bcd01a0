/**
 * An IDToken holder as the operator's verified JWT describes them (docs/providers/idtoken.md,
 * "Claims"). Each claim is read on its own: one of an unexpected shape is left out (and named in
 * `skipped`, never with its value), so an odd value costs that field, not the login.
 */
import { z } from "zod";

const text = z.string().trim().min(1).max(256);

/** Claim name under `idtoken` → its parser; names from the operator's Claims & Scopes table. */
const CLAIMS = {
  givenName: text,
  familyName: text,
  dateOfBirth: z.iso.date(),
  nationality: z.string().regex(/^[A-Z]{2,3}$/),
  // The Claims & Scopes table says ageOver18, the Quick Start's example age_over_18: both are read.
  ageOver18: z.boolean(),
  age_over_18: z.boolean(),
  documentNumber: text,
  trustLevel: text,
} as const;

type ClaimName = keyof typeof CLAIMS;

export type IdtIdentity = {
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
  documentNumber?: string;
  trustLevel?: string;
};

/** The JWT contradicts itself about whom it describes: a refusal, not a claim to leave out. */
export class IdtSubjectMismatchError extends Error {
  constructor() {
    super("idtoken.tokenId is not the JWT's sub");
    this.name = "IdtSubjectMismatchError";
  }
}

/**
 * From a verified JWT payload. `idtoken.tokenId`, when present, must be the `sub` it sits under.
 * Answers the identity and the names of the claims left out for their shape.
 */
export function idtIdentityFromPayload(
  payload: { sub: string; scope?: unknown; idtoken?: unknown },
  loginAt = new Date(),
): { identity: IdtIdentity; skipped: string[] } {
  const raw: Record<string, unknown> =
    payload.idtoken !== null && typeof payload.idtoken === "object" && !Array.isArray(payload.idtoken)
      ? (payload.idtoken as Record<string, unknown>)
      : {};
  const skipped: string[] = [];
  if (payload.idtoken !== undefined && raw !== payload.idtoken) skipped.push("idtoken");
  if (raw.tokenId !== undefined && raw.tokenId !== payload.sub) throw new IdtSubjectMismatchError();

  const claims: { [K in ClaimName]?: z.infer<(typeof CLAIMS)[K]> } = {};
  for (const name of Object.keys(CLAIMS) as ClaimName[]) {
    if (raw[name] === undefined) continue;
    const parsed = CLAIMS[name].safeParse(raw[name]);
    if (parsed.success) (claims as Record<string, unknown>)[name] = parsed.data;
    else skipped.push(name);
  }
  const scope = typeof payload.scope === "string" ? payload.scope : "";
  if (payload.scope !== undefined && typeof payload.scope !== "string") skipped.push("scope");

  const identity: IdtIdentity = {
    kind: "idtoken",
    provider: "idtoken",
    loginAt: loginAt.toISOString(),
    subject: payload.sub,
    grantedScopes: scope.split(" ").filter(Boolean),
  };
  if (claims.givenName && claims.familyName)
    identity.name = { given: claims.givenName, family: claims.familyName };
  if (claims.dateOfBirth) identity.dateOfBirth = claims.dateOfBirth;
  if (claims.nationality) identity.nationality = claims.nationality;
  const over18 = claims.ageOver18 ?? claims.age_over_18;
  if (over18 !== undefined) identity.ageOver18 = over18;
  if (claims.documentNumber) identity.documentNumber = claims.documentNumber;
  if (claims.trustLevel) identity.trustLevel = claims.trustLevel;
  return { identity, skipped };
}

// The portal's union of identities (lib/identity) gains this kind.
declare module "@/lib/identity" {
  interface IdentityKinds {
    idtoken: IdtIdentity;
  }
}
