/**
 * IDToken token holders. The first is the seed's own example (Marie Dupont); the others show
 * what a portal meets: an under-18 holder, and one whose document verification is basic only.
 */
export interface IdTokenPersona {
  /** What it demonstrates is a page text: `idtoken.personas.<tokenId>` in sandbox/messages. */
  tokenId: string;
  label: string;
  claims: {
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    nationality: string;
    age_over_18: boolean;
    document: { type: string; number: string; issuingCountry: string; expiresOn: string };
    trust_level: "low" | "substantial" | "high";
  };
}

export const IDTOKEN_PERSONAS: readonly IdTokenPersona[] = [
  {
    tokenId: "IDT-MARIE-DUPONT",
    label: "Marie Dupont",
    claims: {
      givenName: "Marie",
      familyName: "Dupont",
      dateOfBirth: "1990-03-14",
      nationality: "FR",
      age_over_18: true,
      document: { type: "passport", number: "19FR82731", issuingCountry: "FR", expiresOn: "2031-06-30" },
      trust_level: "high",
    },
  },
  {
    tokenId: "IDT-LUKAS-JANSEN",
    label: "Lukas Jansen",
    claims: {
      givenName: "Lukas",
      familyName: "Jansen",
      dateOfBirth: "2009-09-01",
      nationality: "NL",
      age_over_18: false,
      document: { type: "id_card", number: "NLX83K2P1", issuingCountry: "NL", expiresOn: "2029-09-01" },
      trust_level: "substantial",
    },
  },
  {
    tokenId: "IDT-ANNA-KOWALSKA",
    label: "Anna Kowalska",
    claims: {
      givenName: "Anna",
      familyName: "Kowalska",
      dateOfBirth: "1985-11-02",
      nationality: "PL",
      age_over_18: true,
      document: { type: "id_card", number: "PLK4418372", issuingCountry: "PL", expiresOn: "2030-11-02" },
      trust_level: "low",
    },
  },
  {
    tokenId: "IDT-SOFIA-ROSSI",
    label: "Sofia Rossi",
    claims: {
      givenName: "Sofia",
      familyName: "Rossi",
      dateOfBirth: "1979-05-21",
      nationality: "IT",
      age_over_18: true,
      document: { type: "passport", number: "YA7731952", issuingCountry: "IT", expiresOn: "2032-05-21" },
      trust_level: "substantial",
    },
  },
];

export function findIdTokenPersona(tokenId: string): IdTokenPersona | undefined {
  return IDTOKEN_PERSONAS.find((p) => p.tokenId === tokenId);
}

/** The stand-in for the phone's biometric check, like the Digidentity personas' PIN. */
export const IDTOKEN_SANDBOX_PIN = "12345";
