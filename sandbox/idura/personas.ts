/**
 * The eIDs Idura brokers that the sandbox reproduces, by `acr_values` (docs/providers/idura.md). Their names
 * are page texts: `idura.eids.<acr value>` in sandbox/messages.
 */
export const ACR = {
  "urn:grn:authn:dk:mitid:low": { eid: "dk-mitid", loa: "low" },
  "urn:grn:authn:dk:mitid:substantial": { eid: "dk-mitid", loa: "substantial" },
  "urn:grn:authn:dk:mitid:high": { eid: "dk-mitid", loa: "high" },
  "urn:grn:authn:dk:mitid:business": { eid: "dk-mitid-business", loa: "substantial" },
  "urn:grn:authn:se:bankid": { eid: "se-bankid", loa: "high" },
  "urn:grn:authn:se:bankid:same-device": { eid: "se-bankid", loa: "high" },
  "urn:grn:authn:se:bankid:another-device:qr": { eid: "se-bankid", loa: "high" },
  "urn:grn:authn:no:bankid": { eid: "no-bankid", loa: "high" },
} as const;

export type AcrValue = keyof typeof ACR;
export type EidFamily = (typeof ACR)[AcrValue]["eid"];

export function isAcrValue(value: string): value is AcrValue {
  return Object.hasOwn(ACR, value);
}

export interface IduraPersona {
  /** What it demonstrates is a page text: `idura.personas.<id>` in sandbox/messages. */
  id: string;
  label: string;
  eid: EidFamily;
  /** Stable per person and eID, like Idura's `sub`. */
  sub: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  /** CPR / personnummer / fødselsnummer: only for CIBA's login_hint and the `ssn` scope. */
  ssn: string;
  business?: { cvr: string; companyName: string };
}

export const IDURA_PERSONAS: readonly IduraPersona[] = [
  {
    id: "karen",
    label: "Karen Nielsen (MitID)",
    eid: "dk-mitid",
    sub: "{8f2d1c3e-5a7b-4c9d-8e1f-2a3b4c5d6e7f}",
    givenName: "Karen",
    familyName: "Nielsen",
    birthdate: "1982-08-01",
    ssn: "0108821234",
  },
  {
    id: "jens",
    label: "Jens Hansen (MitID Erhverv)",
    eid: "dk-mitid-business",
    sub: "{1a2b3c4d-0000-4e5f-8a9b-abcdefabcdef}",
    givenName: "Jens",
    familyName: "Hansen",
    birthdate: "1975-11-23",
    ssn: "2311751235",
    business: { cvr: "12345678", companyName: "Hansen Autoværksted ApS" },
  },
  {
    // The portal's call-centre agent when the sandbox is on: CALL_CENTRE_AGENTS names her `sub`
    // by default (lib/providers/idura/descriptor.ts says the same; docs/configuration.md).
    id: "mia",
    label: "Mia Holm (MitID Erhverv)",
    eid: "dk-mitid-business",
    sub: "{7c3e9a1f-3333-4b8d-9c2e-5f6a7b8c9d0e}",
    givenName: "Mia",
    familyName: "Holm",
    birthdate: "1988-03-04",
    ssn: "0403881236",
    business: { cvr: "87654321", companyName: "Example Motors Danmark A/S" },
  },
  {
    id: "astrid",
    label: "Astrid Lindqvist (BankID)",
    eid: "se-bankid",
    sub: "{5e6f7a8b-1111-4c2d-9e3f-123456789abc}",
    givenName: "Astrid",
    familyName: "Lindqvist",
    birthdate: "1990-04-15",
    ssn: "199004152381",
  },
  {
    id: "ola",
    label: "Ola Nordmann (BankID)",
    eid: "no-bankid",
    sub: "{9a8b7c6d-2222-4e3f-8a1b-fedcba987654}",
    givenName: "Ola",
    familyName: "Nordmann",
    birthdate: "1970-01-01",
    ssn: "01017012345",
  },
];

export function personasFor(eid: EidFamily): IduraPersona[] {
  return IDURA_PERSONAS.filter((p) => p.eid === eid);
}

export function findIduraPersona(id: string | undefined): IduraPersona | undefined {
  return IDURA_PERSONAS.find((p) => p.id === id);
}
