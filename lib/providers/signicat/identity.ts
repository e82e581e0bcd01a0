/** Danish MitID identities, as the Signicat broker vouches for them (private, CPR-matched, business). */
import { z } from "zod";

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
  name: string;
  mitidUuid: string;
  loa: AssuranceLevel;
  ial: AssuranceLevel;
  aal: AssuranceLevel;
  hasCpr: boolean;
  /** Only the masked CPR is ever kept: the full number is needed once, to be matched, then dropped. */
  cprMatch?: { maskedCpr: string; source: CprSource };
  organisation?: { name: string; cvr: string; pNumber?: string };
  /** MitID Business: the employee's business identity; Private for Business: a signatory from Virk. */
  representative?:
    | { kind: "employee"; name: string; canRepresentAlone: boolean }
    | { kind: "signatory"; canRepresentAlone?: undefined };
};

const level = z.enum(["LOW", "SUBSTANTIAL", "HIGH"]);
const text = z.string().trim().min(1).max(300);
/** Signicat sends booleans as strings. */
const stringBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

/** Userinfo claims with Signicat's names (providers.md); dotted names are literal keys. */
export const signicatUserInfoSchema = z.object({
  sub: text,
  name: text,
  mitid_uuid: text,
  mitid_has_cpr: stringBoolean,
  mitid_loa: level,
  mitid_ial: level,
  mitid_aal: level,
  auth_token_id: text.optional(),
  nin: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  mitid_cpr_source: z.enum(["user", "prefilled", "database"]).optional(),
  "signicat.organization.number": z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  "signicat.organization.name": text.optional(),
  "mitid.employee.uuid": text.optional(),
  "mitid.employee.name": text.optional(),
  "mitid.employee.can_represent_organization_alone": stringBoolean.optional(),
  "mitid.employee.organization.p_number": z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
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

/**
 * The portal's MitID identity and, apart from it, the `auth_token_id` for a later step-up: a
 * provider token, which must stay out of the session the browser can read.
 */
export function mitidIdentityFromUserInfo(
  claims: unknown,
  loginAt = new Date(),
): { identity: MitidIdentity; authTokenId: string | undefined } {
  const parsed = signicatUserInfoSchema.safeParse(claims);
  if (!parsed.success) throw new MissingMitidClaimsError();
  const c = parsed.data;
  const cvr = c["signicat.organization.number"];
  const orgName = c["signicat.organization.name"];
  const employeeUuid = c["mitid.employee.uuid"];
  const flow: MitidFlow = employeeUuid ? "business" : cvr ? "company" : c.nin ? "cpr" : "mitid";
  const identity: MitidIdentity = {
    kind: "mitid",
    provider: "signicat",
    flow,
    loginAt: loginAt.toISOString(),
    subject: c.sub,
    name: c.name,
    mitidUuid: c.mitid_uuid,
    loa: c.mitid_loa,
    ial: c.mitid_ial,
    aal: c.mitid_aal,
    hasCpr: c.mitid_has_cpr,
  };
  if (c.nin) identity.cprMatch = { maskedCpr: maskCpr(c.nin), source: c.mitid_cpr_source ?? "user" };
  if (cvr && orgName) {
    identity.organisation = {
      name: orgName,
      cvr,
      ...(c["mitid.employee.organization.p_number"]
        ? { pNumber: c["mitid.employee.organization.p_number"] }
        : {}),
    };
    identity.representative = employeeUuid
      ? {
          kind: "employee",
          name: c["mitid.employee.name"] ?? c.name,
          canRepresentAlone: c["mitid.employee.can_represent_organization_alone"] ?? false,
        }
      : { kind: "signatory" };
  }
  return { identity, authTokenId: c.auth_token_id };
}
