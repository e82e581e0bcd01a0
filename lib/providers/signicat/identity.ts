/**
 * Danish MitID identities, as the Signicat broker vouches for them (private, CPR-matched,
 * business), read from either platform's userinfo. Claim names, their shapes and their sources
 * are in docs/providers/signicat.md; this file reads what real users produce, not only the
 * tidy examples: an empty or absent name, booleans as strings or as JSON booleans.
 */
import { z } from "zod";

import type { SignicatPlatform } from "./descriptor";

export type AssuranceLevel = "LOW" | "SUBSTANTIAL" | "HIGH";

/** How the person logged in: plain MitID, with a CPR match, MitID Business, or acting for a company. */
export type MitidFlow = "mitid" | "cpr" | "business" | "company";

export type CprSource = "user" | "prefilled" | "database";

export type MitidIdentity = {
  kind: "mitid";
  provider: "signicat";
  flow: MitidFlow;
  /** ISO 8601 time of the login. */
  loginAt: string;
  subject: string;
  /** Absent when MitID gave none: an empty name under name and address protection. */
  name?: string;
  /** The user has name and address protection (`mitid_name_and_address_protection`). */
  nameProtected?: boolean;
  mitidUuid: string;
  /** The levels, when the platform reports them (eID Hub `mitid-extra`). */
  loa?: AssuranceLevel;
  ial?: AssuranceLevel;
  aal?: AssuranceLevel;
  hasCpr?: boolean;
  /** Only the masked CPR is ever kept: the full number is needed once, to be matched, then dropped. */
  cprMatch?: { maskedCpr: string; source?: CprSource };
  organisation?: { name: string; cvr: string; pNumber?: string };
  /** MitID Business: the employee's business identity; Private for Business: a signatory from Virk. */
  representative?:
    | { kind: "employee"; name: string; canRepresentAlone: boolean }
    | { kind: "signatory"; canRepresentAlone?: undefined };
  /** The login carried a `signicat.cta_id`, so it can be handed over to a partner (the id stays server-side). */
  canTransfer?: boolean;
  /** MitID Session Transfer: the partner this login was handed over from (its configured name). */
  transferredFrom?: string;
};

/** The scope that asks for CPR matching on each platform (docs/providers/signicat.md). */
export const CPR_SCOPE: Record<SignicatPlatform, string> = {
  "eid-hub": "nin",
  enterprise: "signicat.national_id",
};

const level = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(["LOW", "SUBSTANTIAL", "HIGH"]));
const text = z.string().trim().min(1).max(300);
/** A boolean as Signicat sends it: one version of its reference shows `"true"`, another `true`. */
const flexibleBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
/** A claim that may come malformed is dropped, not a refused login. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`));

/** Userinfo claims with Signicat's names; dotted names are literal keys. */
export const signicatUserInfoSchema = z.object({
  sub: text,
  /** Empty under name and address protection (HUB-ATTR). */
  name: lenient(z.string().trim().max(300)),
  mitid_uuid: lenient(text),
  idp_id: lenient(text),
  mitid_has_cpr: lenient(flexibleBoolean),
  mitid_name_and_address_protection: lenient(flexibleBoolean),
  mitid_loa: lenient(level),
  mitid_ial: lenient(level),
  mitid_aal: lenient(level),
  auth_token_id: lenient(text),
  /** MitID Session Transfer (ENT-MITID): `mitid:cta:<uuid>`. */
  "signicat.cta_id": lenient(z.string().regex(/^mitid:cta:[A-Za-z0-9-]{8,100}$/)),
  nin: lenient(digits(10)),
  "signicat.national_id": lenient(digits(10)),
  mitid_cpr_source: lenient(z.enum(["user", "prefilled", "database"])),
  "signicat.organization.number": lenient(digits(8)),
  "signicat.organization.name": lenient(text),
  "mitid.employee.uuid": lenient(text),
  "mitid.employee.name": lenient(text),
  "mitid.employee.can_represent_organization_alone": lenient(flexibleBoolean),
  "mitid.employee.organization.p_number": lenient(digits(10)),
});

export class MissingMitidClaimsError extends Error {
  constructor() {
    super("user info did not carry the MitID claims");
    this.name = "MissingMitidClaimsError";
  }
}

/** `280554-****`: the birth date part identifies nobody on its own; the sequence stays hidden. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-****`;
}

export type MitidReadContext = {
  platform: SignicatPlatform;
  /** The `scope` the token endpoint granted; a CPR counts as matched only if it holds the CPR scope. */
  grantedScope: string | undefined;
  loginAt?: Date;
};

/**
 * The portal's MitID identity and, apart from it, the `auth_token_id` for a later step-up: a
 * provider token, which must stay out of the session the browser can read.
 *
 * A `nin` without the CPR scope granted is dropped: a third-party capture shows the eID Hub
 * sending one (with a `mitid_cpr_source`) to a plain login, which must not read as "CPR matched".
 */
export function mitidIdentityFromUserInfo(
  claims: unknown,
  context: MitidReadContext,
): { identity: MitidIdentity; authTokenId: string | undefined; ctaId: string | undefined } {
  const parsed = signicatUserInfoSchema.safeParse(claims);
  if (!parsed.success) throw new MissingMitidClaimsError();
  const c = parsed.data;
  const enterprise = context.platform === "enterprise";
  // Enterprise: `sub` is "the universally unique identifier for the eID of the end-user".
  const mitidUuid = enterprise ? (c.mitid_uuid ?? c.sub) : (c.mitid_uuid ?? c.idp_id);
  if (!mitidUuid) throw new MissingMitidClaimsError();

  const granted = new Set((context.grantedScope ?? "").split(" ").filter(Boolean));
  const cpr = granted.has(CPR_SCOPE[context.platform])
    ? enterprise
      ? c["signicat.national_id"]
      : c.nin
    : undefined;
  const cvr = c["signicat.organization.number"];
  const orgName = c["signicat.organization.name"];
  const employeeUuid = c["mitid.employee.uuid"];
  const organisation = cvr && orgName ? { cvr, name: orgName } : undefined;
  const flow: MitidFlow = organisation ? (employeeUuid ? "business" : "company") : cpr ? "cpr" : "mitid";
  const name = c.name ? c.name : undefined;

  const identity: MitidIdentity = {
    kind: "mitid",
    provider: "signicat",
    flow,
    loginAt: (context.loginAt ?? new Date()).toISOString(),
    subject: c.sub,
    mitidUuid,
  };
  if (name) identity.name = name;
  if (c.mitid_name_and_address_protection) identity.nameProtected = true;
  if (c.mitid_loa) identity.loa = c.mitid_loa;
  if (c.mitid_ial) identity.ial = c.mitid_ial;
  if (c.mitid_aal) identity.aal = c.mitid_aal;
  if (c.mitid_has_cpr !== undefined) identity.hasCpr = c.mitid_has_cpr;
  if (cpr) {
    identity.cprMatch = {
      maskedCpr: maskCpr(cpr),
      ...(c.mitid_cpr_source ? { source: c.mitid_cpr_source } : {}),
    };
  }
  if (organisation) {
    const pNumber = c["mitid.employee.organization.p_number"];
    identity.organisation = { ...organisation, ...(pNumber ? { pNumber } : {}) };
    identity.representative = employeeUuid
      ? {
          kind: "employee",
          name: c["mitid.employee.name"] ?? name ?? "",
          canRepresentAlone: c["mitid.employee.can_represent_organization_alone"] ?? false,
        }
      : { kind: "signatory" };
  }
  const ctaId = c["signicat.cta_id"];
  if (ctaId) identity.canTransfer = true;
  return { identity, authTokenId: c.auth_token_id, ctaId };
}

// The portal's union of identities (lib/identity) gains this kind.
declare module "@/lib/identity" {
  interface IdentityKinds {
    mitid: MitidIdentity;
  }
}
