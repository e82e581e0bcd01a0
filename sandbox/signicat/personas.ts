/**
 * Sandbox MitID users behind the Signicat broker. Every CPR number here is made up (280554-style
 * test numbers, never a real person's) and must never be logged. Organisations stand in for the
 * NemLog-In identity service (MitID Business) and for Virk's register of signatory rights
 * (Private for Business).
 */

export type Level = "LOW" | "SUBSTANTIAL" | "HIGH";

export const LEVELS: readonly Level[] = ["LOW", "SUBSTANTIAL", "HIGH"];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function lowerLevel(a: Level, b: Level): Level {
  return levelRank(a) <= levelRank(b) ? a : b;
}

/** One business identity issued by a company's MitID Business administrator. */
export interface BusinessIdentity {
  employeeUuid: string;
  employeeName: string;
  email: string;
  rid: string;
  ial: Level;
  canRepresentAlone: boolean;
  organisation: { cvr: string; name: string; pNumber: string };
}

export interface MitidPersona {
  /**
   * The MitID user ID typed on the first screen. Its label and what it demonstrates are page
   * texts in sandbox/messages under `signicat.personas`, the dots of the user ID written as `_`.
   */
  userId: string;
  name: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  mitidUuid: string;
  /** Null when MitID holds no CPR for the identity (dedicated business identity, failed lookup). */
  cpr: string | null;
  ial: Level;
  /** Business identities this person may log in as (MitID Business). */
  businessIdentities: BusinessIdentity[];
  /** A dedicated business identity: no private identity behind it, so no CPR match. */
  dedicatedBusiness: boolean;
  /** Name and address protection: Signicat sends no name (`mitid_name_and_address_protection`). */
  nameProtected?: boolean;
}

/** Every persona's credentials in the sandbox (MitID app PIN, code display password and OTP). */
export const SANDBOX_CREDENTIALS = { appPin: "123456", password: "mitid-sandbox", otp: "246810" } as const;

const testorganisation = { cvr: "96413608", name: "Testorganisation nr. 96413608", pNumber: "1028556051" };

export const PERSONAS: readonly MitidPersona[] = [
  {
    userId: "peter.hansen",
    name: "Peter Hansen",
    givenName: "Peter",
    familyName: "Hansen",
    birthdate: "1954-05-28",
    mitidUuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e01",
    cpr: "2805542112",
    ial: "HIGH",
    businessIdentities: [],
    dedicatedBusiness: false,
  },
  {
    userId: "lars.nielsen",
    name: "Lars Nielsen",
    givenName: "Lars",
    familyName: "Nielsen",
    birthdate: "1961-02-14",
    mitidUuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e02",
    cpr: null,
    ial: "HIGH",
    businessIdentities: [],
    dedicatedBusiness: false,
  },
  {
    userId: "erik.hansen",
    name: "Erik Hansen",
    givenName: "Erik",
    familyName: "Hansen",
    birthdate: "1978-09-06",
    mitidUuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e03",
    cpr: "0609784417",
    ial: "HIGH",
    businessIdentities: [
      {
        employeeUuid: "a878d794-ea8d-4953-9c70-505d0cdcaf3a",
        employeeName: "Erik Hansen",
        email: "erik@hansen.dk",
        rid: "79160741",
        ial: "SUBSTANTIAL",
        canRepresentAlone: false,
        organisation: testorganisation,
      },
      {
        employeeUuid: "b2c4e6a8-1357-4a9b-8cde-0f1e2d3c4b5a",
        employeeName: "Erik Hansen",
        email: "erik@nordhavn-cykler.dk",
        rid: "81234567",
        ial: "SUBSTANTIAL",
        canRepresentAlone: true,
        organisation: { cvr: "45678901", name: "Nordhavn Cykler I/S", pNumber: "1019283746" },
      },
    ],
    dedicatedBusiness: false,
  },
  {
    userId: "helle.jensen",
    name: "Helle Jensen",
    givenName: "Helle",
    familyName: "Jensen",
    birthdate: "1970-03-12",
    mitidUuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e04",
    cpr: "1203704628",
    ial: "HIGH",
    businessIdentities: [],
    dedicatedBusiness: false,
  },
  {
    userId: "mette.berg.erhverv",
    name: "Mette Berg",
    givenName: "Mette",
    familyName: "Berg",
    birthdate: "1985-11-30",
    mitidUuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e05",
    cpr: null,
    ial: "SUBSTANTIAL",
    businessIdentities: [
      {
        employeeUuid: "c3d5f7a9-2468-4b0c-9def-1a2b3c4d5e6f",
        employeeName: "Mette Berg",
        email: "mette.berg@testorganisation.dk",
        rid: "70112233",
        ial: "SUBSTANTIAL",
        canRepresentAlone: true,
        organisation: testorganisation,
      },
    ],
    dedicatedBusiness: true,
  },
  {
    userId: "sofie.skov",
    name: "Sofie Skov",
    givenName: "Sofie",
    familyName: "Skov",
    birthdate: "1992-04-17",
    mitidUuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e06",
    cpr: "1704924418",
    ial: "SUBSTANTIAL",
    businessIdentities: [],
    dedicatedBusiness: false,
    nameProtected: true,
  },
];

/** Virk's register of signatory rights, keyed by CPR: who can sign for which company. */
export const VIRK_SIGNATORY_REGISTER: Readonly<Record<string, readonly { cvr: string; name: string }[]>> = {
  "1203704628": [
    { cvr: "23456789", name: "Jensen Services" },
    { cvr: "34567890", name: "Jensen Holding ApS" },
    { cvr: "56789012", name: "Helles Blomster" },
  ],
  "0609784417": [{ cvr: "45678901", name: "Nordhavn Cykler I/S" }],
};

export function findPersonaByUserId(userId: string | undefined): MitidPersona | undefined {
  const wanted = userId?.trim().toLowerCase();
  return PERSONAS.find((p) => p.userId === wanted);
}

export function findPersonaByUuid(uuid: string | undefined): MitidPersona | undefined {
  return PERSONAS.find((p) => p.mitidUuid === uuid);
}
