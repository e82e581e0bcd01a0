/**
 * The two Signicat platforms the sandbox reproduces, side by side: the eID Hub at
 * `/signicat/auth/open` and Enterprise at `/signicat/oidc`. Everything that differs between them
 * is here, each with its source in docs/providers/signicat.md; what they share (the MitID
 * screens, CPR matching, the business choice) is in the step table (steps.ts).
 */
import type { Level } from "./personas";

export type SignicatPlatform = "eid-hub" | "enterprise";

export interface PlatformDialect {
  platform: SignicatPlatform;
  /** Below `/signicat`: `https://<domain>/auth/open` or `https://<env>.signicat.com/oidc`. */
  issuerPath: string;
  endpoints: { authorize: string; token: string; userinfo: string; jwks: string };
  scopes: readonly string[];
  /** The scope that asks for CPR matching, and the claim the CPR comes back in. */
  cprScope: string;
  cprClaim: string;
  /** MitID Business and Private for Business, by scope. */
  businessScopes: readonly string[];
  companyScopes: readonly string[];
  /** The key-management algorithm of the published `use: enc` key. */
  encryptionAlg: "RSA-OAEP" | "RSA-OAEP-256";
  /** Request objects: a signed (then maybe encrypted) JWT, or a JWE of plain JSON. */
  requestObject: "signed-jwt" | "encrypted-json";
  /** Prefills (`login_hint` items) this platform honours. */
  prefills: boolean;
  /** Whether a login leaves an `auth_token_id` for a later step-up. */
  authTokenIds: boolean;
  /** How the user's cancel comes back to the client. */
  cancel: { error: string; error_description: string };
  /** A refusal without a documented code: the OAuth `access_denied` with words only. */
  refused: (what: string) => { error: string; error_description: string };
}

export const EID_HUB: PlatformDialect = {
  platform: "eid-hub",
  issuerPath: "/auth/open",
  endpoints: {
    authorize: "/connect/authorize",
    token: "/connect/token",
    userinfo: "/connect/userinfo",
    jwks: "/.well-known/openid-configuration/jwks",
  },
  // The MitID scopes the docs list, plus the business scopes this sandbox chose (unconfirmed).
  scopes: [
    "openid",
    "profile",
    "idp-id",
    "nin",
    "mitid-extra",
    "signicat.organization",
    "mitid.business",
    "mitid-private-business",
  ],
  cprScope: "nin",
  cprClaim: "nin",
  businessScopes: ["mitid.business"],
  companyScopes: ["mitid-private-business", "signicat.organization"],
  encryptionAlg: "RSA-OAEP-256",
  requestObject: "signed-jwt",
  prefills: false,
  authTokenIds: false,
  // As a public client captured it from the eID Hub (open-formulieren/open-forms#5938).
  cancel: {
    error: "IDP-3200",
    error_description: "Authentication with IdP 'mitid' was aborted, most likely because the user cancelled.",
  },
  refused: (what) => ({ error: "access_denied", error_description: what }),
};

export const ENTERPRISE: PlatformDialect = {
  platform: "enterprise",
  issuerPath: "/oidc",
  endpoints: { authorize: "/authorize", token: "/token", userinfo: "/userinfo", jwks: "/jwks.json" },
  scopes: ["openid", "profile", "signicat.national_id", "signicat.organization", "mitid.business"],
  cprScope: "signicat.national_id",
  cprClaim: "signicat.national_id",
  businessScopes: ["mitid.business"],
  companyScopes: ["signicat.organization"],
  encryptionAlg: "RSA-OAEP",
  requestObject: "encrypted-json",
  prefills: true,
  authTokenIds: true,
  cancel: { error: "access_denied", error_description: "urn:signicat:error:usercancel" },
  refused: (what) => ({ error: "access_denied", error_description: what }),
};

/** Enterprise's documented refusal when a prefilled CVR is not one the user can sign for. */
export const LACKS_SIGNATORY_RIGHTS =
  "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR";

/** Which add-ons a login runs, decided by its scopes (Signicat decides it per configured method). */
export function wantsFromScope(dialect: PlatformDialect, scope: string) {
  const scopes = scope.split(" ");
  const business = dialect.businessScopes.some((s) => scopes.includes(s));
  return {
    cprMatch: scopes.includes(dialect.cprScope),
    business,
    privateForBusiness: !business && dialect.companyScopes.some((s) => scopes.includes(s)),
  };
}

/**
 * The lowest level `acr_values` allows. eID Hub: `loa:<level>` beside `idp:mitid`; an `idp:`
 * naming another eID is answered by the eID chooser (here: refused). Enterprise chooses the
 * method by `urn:signicat:oidc:method:<method>`; its level comes with the `assuranceLevel` prefill.
 */
export function readAcrValues(
  dialect: PlatformDialect,
  acrValues: string | undefined,
): { ok: true; minLevel: Level | undefined } | { ok: false; description: string } {
  const values = (acrValues ?? "").split(/\s+/).filter(Boolean);
  if (dialect.platform === "enterprise") {
    const method = values.find((v) => v.startsWith("urn:signicat:oidc:method:"));
    if (values.length > 0 && !method) return { ok: false, description: "unknown method in acr_values" };
    return { ok: true, minLevel: undefined };
  }
  const idp = values.filter((v) => v.startsWith("idp:"));
  if (idp.length > 0 && !idp.includes("idp:mitid"))
    return { ok: false, description: "no such eID for this client" };
  const loa = values
    .filter((v) => v.toLowerCase().startsWith("loa:"))
    .map((v) => v.slice(4).toUpperCase())
    .filter((v): v is Level => v === "LOW" || v === "SUBSTANTIAL" || v === "HIGH");
  return { ok: true, minLevel: loa[0] };
}
