import { secretsEqual } from "../shared/secrets";

/**
 * Sandbox users of the Digidentity SERMI Trust Centre. The IOE and RSSE UID sets are copied
 * verbatim from Digidentity's "API integration" page; the others follow the documented formats.
 */

export interface UidSet {
  sub: string;
  cabuid: string;
  iouid: string;
  ioeuid: string;
  rssuid?: string;
  rsseuid?: string;
}

export interface Persona {
  /** Its label and what it demonstrates are page texts: `digidentity.personas.<id>` in sandbox/messages. */
  id: string;
  pin: string;
  uids: UidSet;
  /** Digidentity issues no tokens to a user whose SERMI authorisation is revoked. */
  revoked: boolean;
  /** A chain authorisation from an IOE may be used for one login only. */
  singleUseChain: boolean;
}

export type RefusalReason = "authorisation_revoked" | "chain_authorisation_used";

export const SANDBOX_PIN = "12345";

const seedIoeSet = {
  cabuid: "EXA/NL/1234/1EXA2MP34LE5",
  iouid: "EXAMPLEIO/WALDORPSTRAAT13FTHEHAGUE2521CA/NL123456789B01",
  ioeuid: "NL/EXAMPLECAB/1234567890B",
} as const;

export const PERSONAS: readonly Persona[] = [
  {
    id: "ioe",
    pin: SANDBOX_PIN,
    uids: { sub: "e2x0a6mp-37l0-42ps-94ef-u69755438d3o", ...seedIoeSet },
    revoked: false,
    singleUseChain: false,
  },
  {
    id: "rsse",
    pin: SANDBOX_PIN,
    uids: {
      sub: "e6x3a4mp-49l2-66ps-94ef-u39455005d8o",
      ...seedIoeSet,
      rssuid: "EXAMPLERSS/WALDORPSTRAAT13FTHEHAGUE2521CA/NL987654321B02",
      rsseuid: "NL/EXAMPLECAB/9876543210D",
    },
    revoked: false,
    singleUseChain: false,
  },
  {
    id: "revoked",
    pin: SANDBOX_PIN,
    uids: {
      sub: "e3x1a7mp-51l3-48ps-94ef-u12345678d9o",
      cabuid: "EXA/NL/1234/9REV0KED0001",
      iouid: "REVOKEDGARAGE/KERKSTRAAT1AMSTERDAM1017GA/NL111222333B01",
      ioeuid: "NL/EXAMPLECAB/5555555555R",
    },
    revoked: true,
    singleUseChain: false,
  },
  {
    id: "rsse-once",
    pin: SANDBOX_PIN,
    uids: {
      sub: "e4x2a8mp-62l4-59ps-94ef-u87654321d0o",
      ...seedIoeSet,
      rssuid: "REMOTEDIAG/HOOFDWEG5UTRECHT3511AB/NL444555666B01",
      rsseuid: "NL/EXAMPLECAB/7777777777S",
    },
    revoked: false,
    singleUseChain: true,
  },
];

export const DEFAULT_PERSONA_ID = "ioe";

export function findPersona(id: string | undefined): Persona | undefined {
  return PERSONAS.find((persona) => persona.id === id);
}

/** Tracks which single-use chain authorisations were spent; one per app so tests stay independent. */
export class AuthorisationLedger {
  readonly #usedChains = new Set<string>();

  /**
   * Decides whether Digidentity would let this persona log in now, and if so spends a single-use
   * chain authorisation. Checking and spending happen in one synchronous step so two concurrent
   * logins can never both use the same chain authorisation.
   */
  authorise(persona: Persona): { ok: true } | { ok: false; reason: RefusalReason } {
    if (persona.revoked) return { ok: false, reason: "authorisation_revoked" };
    if (persona.singleUseChain) {
      if (this.#usedChains.has(persona.id)) return { ok: false, reason: "chain_authorisation_used" };
      this.#usedChains.add(persona.id);
    }
    return { ok: true };
  }

  reset(): void {
    this.#usedChains.clear();
  }
}

/** The app PIN is 5 digits; anything else is a wrong PIN, compared in constant time. */
export function pinMatches(persona: Persona, pin: string | undefined): boolean {
  return pin !== undefined && /^[0-9]{5}$/.test(pin) && secretsEqual(pin, persona.pin);
}
