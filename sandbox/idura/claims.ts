import type { JWTPayload } from "jose";
import { ACR, type AcrValue, type IduraPersona } from "./personas";

/** Who logged in, how: what every grant (code, CIBA, headless) ends in. */
export interface IduraGrant {
  clientId: string;
  persona: IduraPersona;
  acr: AcrValue;
  scope: string;
  nonce?: string;
  authTime: number;
  /** The end user's address, when the client told it (headless `end_user_ip`). */
  ipAddress?: string;
}

const ID_TOKEN_TTL_SECONDS = 5 * 60;

/** `identityscheme` per eID, as in Idura's sample tokens (docs/providers/idura.md). */
const SCHEME = {
  "dk-mitid": "dkmitid",
  "dk-mitid-business": "dkmitid",
  "se-bankid": "sebankid",
  "no-bankid": "nobankid-oidc",
} as const;

const COUNTRY = {
  "dk-mitid": "DK",
  "dk-mitid-business": "DK",
  "se-bankid": "SE",
  "no-bankid": "NO",
} as const;

/** MitID's `loA`/`ial`/`aal`/`fal` for the level asked for, as in Idura's MITID_CITIZEN sample. */
const MITID_LEVELS = {
  low: { loA: "LOW", ial: "SUBSTANTIAL", aal: "LOW", fal: "HIGH" },
  substantial: { loA: "SUBSTANTIAL", ial: "SUBSTANTIAL", aal: "SUBSTANTIAL", fal: "HIGH" },
  high: { loA: "HIGH", ial: "HIGH", aal: "HIGH", fal: "HIGH" },
} as const;

function ageOn(birthdate: string, now: number): number {
  const born = new Date(`${birthdate}T00:00:00Z`);
  const today = new Date(now);
  let age = today.getUTCFullYear() - born.getUTCFullYear();
  const before =
    today.getUTCMonth() < born.getUTCMonth() ||
    (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() < born.getUTCDate());
  if (before) age -= 1;
  return age;
}

export type IduraIdTokenClaims = JWTPayload & {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
};

/**
 * An ID token's claims in the shape Idura's documented samples have, per eID: the eID in
 * `identityscheme`, the acr used in `authenticationtype` (there is no `acr` claim), every value a
 * string (booleans too: `employee: "true"`), and no claim the real service does not send
 * (docs/providers/idura.md, "ID token contents").
 */
export function idTokenClaims(grant: IduraGrant, issuer: string, nowMs: number): IduraIdTokenClaims {
  const { persona } = grant;
  const now = Math.floor(nowMs / 1000);
  const { eid, loa } = ACR[grant.acr];
  const ssnAsked = grant.scope.split(" ").includes("ssn");
  const uuid = persona.sub.slice(1, -1);
  const name = `${persona.givenName} ${persona.familyName}`;
  const levels = eid.startsWith("dk-") ? MITID_LEVELS[loa as keyof typeof MITID_LEVELS] : undefined;
  const claims: IduraIdTokenClaims = {
    iss: issuer,
    aud: grant.clientId,
    nonce: grant.nonce,
    identityscheme: SCHEME[eid],
    authenticationtype: grant.acr,
    // MitID's is `<method>:<time>:<LoA>:<IAL>:<AAL>:<FAL>` in the samples.
    authenticationmethod: levels
      ? `app:${grant.authTime}:${levels.loA}:${levels.ial}:${levels.aal}:${levels.fal}`
      : "urn:oasis:names:tc:SAML:2.0:ac:classes:SoftwarePKI",
    authenticationinstant: new Date(grant.authTime).toISOString(),
    nameidentifier: uuid.replaceAll("-", ""),
    sub: persona.sub,
    sessionindex: crypto.randomUUID(),
    iat: now,
    nbf: now,
    exp: now + ID_TOKEN_TTL_SECONDS,
  };
  if (levels) {
    Object.assign(claims, levels, {
      uuid,
      // National identity numbers only when asked for: the sandbox's stand-in for Idura's
      // per-tenant CPR setting.
      ...(ssnAsked ? { cprNumberIdentifier: persona.ssn } : {}),
      birthdate: persona.birthdate,
      age: String(ageOn(persona.birthdate, nowMs)),
      name,
    });
    if (persona.business) {
      Object.assign(claims, {
        cvrNumberIdentifier: persona.business.cvr,
        "2.5.4.10": persona.business.companyName,
        employee: "true",
      });
    }
  } else if (eid === "se-bankid") {
    // Swedish BankID tokens carry no birthdate (SEBANKID sample, swedish-bankid.mdx).
    Object.assign(claims, {
      ssn: persona.ssn,
      name,
      givenname: persona.givenName,
      given_name: persona.givenName,
      surname: persona.familyName,
      family_name: persona.familyName,
      ...(grant.ipAddress ? { ipaddress: grant.ipAddress } : {}),
    });
  } else {
    Object.assign(claims, {
      uniqueuserid: `9578-6000-4-${persona.ssn.slice(-6)}`,
      certissuer: "CN=BankID - TestBank1 - Bank CA 3,OU=123456789,O=TestBank1 AS,C=NO",
      birthdate: persona.birthdate,
      dateofbirth: persona.birthdate,
      ...(ssnAsked ? { socialno: persona.ssn } : {}),
      family_name: persona.familyName,
      surname: persona.familyName,
      given_name: persona.givenName,
      givenname: persona.givenName,
      name,
    });
  }
  claims.country = COUNTRY[eid];
  if (claims.nonce === undefined) delete claims.nonce;
  return claims;
}

/** Userinfo: the ID token's claims about the person, without the token's own. */
export function userinfoClaims(grant: IduraGrant, issuer: string, nowMs: number): JWTPayload {
  const claims: JWTPayload = idTokenClaims(grant, issuer, nowMs);
  for (const key of ["iss", "aud", "iat", "nbf", "exp", "nonce"]) delete claims[key];
  return claims;
}
