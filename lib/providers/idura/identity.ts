/** A person identified by a Nordic eID (MitID, Swedish or Norwegian BankID) through Idura Verify. */
import { z } from "zod";

export const NORDIC_EIDS = {
  "dk-mitid": "MitID",
  "dk-mitid-business": "MitID Erhverv",
  "se-bankid": "Swedish BankID",
  "no-bankid": "Norwegian BankID",
} as const;

export type NordicEid = keyof typeof NORDIC_EIDS;

/** Which eID an `acr` names (providers.md); the most specific prefix wins. */
export function eidFromAcr(acr: string): NordicEid | undefined {
  if (acr === "urn:grn:authn:dk:mitid:business") return "dk-mitid-business";
  if (acr.startsWith("urn:grn:authn:dk:mitid:")) return "dk-mitid";
  if (acr === "urn:grn:authn:se:bankid" || acr.startsWith("urn:grn:authn:se:bankid:")) return "se-bankid";
  if (acr === "urn:grn:authn:no:bankid") return "no-bankid";
  return undefined;
}

const text = z.string().trim().min(1).max(256);

const claimsSchema = z.object({
  sub: text,
  acr: text,
  name: text,
  birthdate: z.iso.date().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  cvrNumberIdentifier: z
    .string()
    .regex(/^[0-9]{8}$/)
    .optional(),
  companyName: text.optional(),
});

export type NordicEidIdentity = {
  kind: "nordic-eid";
  provider: "idura" | "idura-bankid";
  loginAt: string;
  subject: string;
  eid: NordicEid;
  acr: string;
  /** MitID's assurance level, from the acr (low, substantial, high). */
  loa?: string;
  name: string;
  birthdate?: string;
  country?: string;
  business?: { cvr: string; companyName?: string };
};

export class NordicEidClaimsError extends Error {
  constructor() {
    super("the ID token did not carry the expected eID claims");
    this.name = "NordicEidClaimsError";
  }
}

/** From verified ID token claims. National identity numbers are never kept, even when present. */
export function nordicEidIdentityFromClaims(
  claims: unknown,
  provider: NordicEidIdentity["provider"],
  loginAt = new Date(),
): NordicEidIdentity {
  const parsed = claimsSchema.safeParse(claims);
  const eid = parsed.success ? eidFromAcr(parsed.data.acr) : undefined;
  if (!parsed.success || !eid) throw new NordicEidClaimsError();
  const c = parsed.data;
  const loa = /^urn:grn:authn:dk:mitid:(low|substantial|high)$/.exec(c.acr)?.[1];
  return {
    kind: "nordic-eid",
    provider,
    loginAt: loginAt.toISOString(),
    subject: c.sub,
    eid,
    acr: c.acr,
    ...(loa ? { loa } : {}),
    name: c.name,
    ...(c.birthdate ? { birthdate: c.birthdate } : {}),
    ...(c.country ? { country: c.country } : {}),
    ...(c.cvrNumberIdentifier
      ? { business: { cvr: c.cvrNumberIdentifier, companyName: c.companyName } }
      : {}),
  };
}
