/**
 * IDToken token holders. The first is the operator documentation's own example (Marie Dupont, docs/providers/idtoken.md); the others show
 * what a portal meets: an under-18 holder, and one whose document verification is basic only.
 */
export interface IdtPersona {
  /** What it demonstrates is a page text: `idtoken.personas.<tokenId>` in sandbox/messages. */
  tokenId: string;
  label: string;
  claims: {
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    nationality: string;
    ageOver18: boolean;
    documentNumber: string;
    /** The enrolment's trust level; its documented values are not public (docs/providers/idtoken.md). */
    trustLevel: "low" | "substantial" | "high";
  };
}

export const IDTOKEN_PERSONAS: readonly IdtPersona[] = [
  {
    tokenId: "IDT-MARIE-DUPONT",
    label: "Marie Dupont",
    claims: {
      givenName: "Marie",
      familyName: "Dupont",
      dateOfBirth: "1990-03-14",
      nationality: "FR",
      ageOver18: true,
      documentNumber: "19FR82731",
      trustLevel: "high",
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
      ageOver18: false,
      documentNumber: "NLX83K2P1",
      trustLevel: "substantial",
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
      ageOver18: true,
      documentNumber: "PLK4418372",
      trustLevel: "low",
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
      ageOver18: true,
      documentNumber: "YA7731952",
      trustLevel: "substantial",
    },
  },
];

export function findIdtPersona(tokenId: string): IdtPersona | undefined {
  return IDTOKEN_PERSONAS.find((p) => p.tokenId === tokenId);
}

/** The stand-in for the phone's biometric check, like the Digidentity personas' PIN. */
export const IDTOKEN_SANDBOX_PIN = "12345";
