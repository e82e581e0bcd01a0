/**
 * A person identified by a Nordic eID (MitID, Swedish or Norwegian BankID) through Idura Verify,
 * read from the claims Idura's tokens really carry (docs/providers/idura.md, "ID token contents").
 */
import { z } from "zod";

export const NORDIC_EIDS = {
  "dk-mitid": "MitID",
  "dk-mitid-business": "MitID Business",
  "se-bankid": "Swedish BankID",
  "no-bankid": "Norwegian BankID",
} as const;

export type NordicEid = keyof typeof NORDIC_EIDS;

const MITID_BUSINESS_ACR = "urn:grn:authn:dk:mitid:business";

/** Which eID an acr (`authenticationtype`) names; the most specific prefix wins. */
export function eidFromAcr(acr: string): NordicEid | undefined {
  if (acr === MITID_BUSINESS_ACR) return "dk-mitid-business";
  if (acr.startsWith("urn:grn:authn:dk:mitid:")) return "dk-mitid";
  if (acr === "urn:grn:authn:se:bankid" || acr.startsWith("urn:grn:authn:se:bankid:")) return "se-bankid";
  // Norwegian BankID's biometric login says `urn:grn:authn:no:bankid:substantial`.
  if (acr === "urn:grn:authn:no:bankid" || acr.startsWith("urn:grn:authn:no:bankid:")) return "no-bankid";
  return undefined;
}

/** Which eID an `identityscheme` names (Idura's samples: dkmitid, sebankid, nobankid-oidc). */
function eidFromScheme(scheme: string | undefined): "dk-mitid" | "se-bankid" | "no-bankid" | undefined {
  if (scheme === "dkmitid") return "dk-mitid";
  if (scheme === "sebankid") return "se-bankid";
  if (scheme === "nobankid-oidc" || scheme === "nobankid") return "no-bankid";
  return undefined;
}

const text = z.string().trim().min(1).max(256);
/** A claim that may be missing or malformed without failing the login: it is then left out. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
/** Idura sends booleans as strings (`employee: "true"`); a real boolean is accepted too. */
const stringBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
const level = z
  .string()
  .regex(/^(LOW|SUBSTANTIAL|HIGH)$/i)
  .transform((v) => v.toLowerCase());

const claimsSchema = z.object({
  sub: text,
  identityscheme: optional(z.string().max(64)),
  /** The acr used. Idura's tokens have no `acr` claim; an OIDC-standard one is read as a fallback. */
  authenticationtype: optional(text),
  acr: optional(text),
  name: text,
  birthdate: optional(z.iso.date()),
  country: optional(z.string().regex(/^[A-Z]{2}$/)),
  loA: optional(level),
  ial: optional(level),
  aal: optional(level),
  fal: optional(level),
  cvrNumberIdentifier: optional(z.string().regex(/^[0-9]{8}$/)),
  /** MitID Erhverv's company name; older tenants name it `urn:oid:2.5.4.10`. */
  "2.5.4.10": optional(text),
  "urn:oid:2.5.4.10": optional(text),
  companySignatory: optional(stringBoolean),
});

export type NordicEidIdentity = {
  kind: "nordic-eid";
  provider: "idura" | "idura-bankid";
  loginAt: string;
  subject: string;
  eid: NordicEid;
  /** The acr used, from `authenticationtype`. */
  acr: string;
  /** MitID's assurance level (low, substantial, high), from `loA` or else from the acr. */
  loa?: string;
  name: string;
  birthdate?: string;
  country?: string;
  business?: { cvr: string; companyName?: string; signatory?: boolean };
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
  if (!parsed.success) throw new NordicEidClaimsError();
  const c = parsed.data;
  const acr = c.authenticationtype ?? c.acr;
  const byScheme = eidFromScheme(c.identityscheme);
  const byAcr = acr ? eidFromAcr(acr) : undefined;
  const acrFamily = byAcr === "dk-mitid-business" ? "dk-mitid" : byAcr;
  // The scheme names the eID, and an acr of another eID means the token is not what it claims.
  const family = byScheme ?? acrFamily;
  if (!acr || !family || (acrFamily && acrFamily !== family)) throw new NordicEidClaimsError();
  // A MitID login is a business one when it names a company: a business login can carry
  // `…dk:mitid:substantial`, as Idura's MitID Erhverv sample does.
  const eid: NordicEid =
    family === "dk-mitid" && (c.cvrNumberIdentifier || acr === MITID_BUSINESS_ACR)
      ? "dk-mitid-business"
      : family;
  const loa =
    family === "dk-mitid"
      ? (c.loA ?? /^urn:grn:authn:dk:mitid:(low|substantial|high)$/.exec(acr)?.[1])
      : undefined;
  const companyName = c["2.5.4.10"] ?? c["urn:oid:2.5.4.10"];
  return {
    kind: "nordic-eid",
    provider,
    loginAt: loginAt.toISOString(),
    subject: c.sub,
    eid,
    acr,
    ...(loa ? { loa } : {}),
    name: c.name,
    ...(c.birthdate ? { birthdate: c.birthdate } : {}),
    ...(c.country ? { country: c.country } : {}),
    ...(c.cvrNumberIdentifier
      ? {
          business: {
            cvr: c.cvrNumberIdentifier,
            ...(companyName ? { companyName } : {}),
            ...(c.companySignatory !== undefined ? { signatory: c.companySignatory } : {}),
          },
        }
      : {}),
  };
}

// The portal's union of identities (lib/identity) gains this kind.
declare module "@/lib/identity" {
  interface IdentityKinds {
    "nordic-eid": NordicEidIdentity;
  }
}
