import { createHash } from "node:crypto";

import type { Context } from "hono";
import { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";

import { oauthError, sandboxError } from "../shared/errors";
import { parseBearer } from "../shared/http-auth";
import { randomId } from "../shared/random";
import { PERSONAS, type Persona } from "./personas";
import type { DigidentityState } from "./state";

/**
 * Digidentity's identity verification reports (docs/providers/digidentity.md: "Passwordless login with identity
 * verification report"). The backend takes an application token (client credentials, once a
 * day) and the user's pseudonym from the access token, and fetches the report. The endpoint's
 * path and shape are unconfirmed: this follows Digidentity's JSON:API style, see the README.
 */

export const REPORT_SCOPE = "identity_report";
export const APPLICATION_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** Digidentity keeps reports for 30 days. */
export const REPORT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

type Fixture = {
  givenNames: string;
  surname: string;
  dateOfBirth: string;
  nationality: string;
  document: {
    type: "passport" | "identity_card" | "driving_licence";
    number: string;
    issuingCountry: string;
    expiryDate: string;
  };
};

/** Fictitious people: specimen-style names and document numbers, never real ones. */
const FIXTURES: Record<string, Fixture> = {
  ioe: {
    givenNames: "Ingrid Maria",
    surname: "Oever",
    dateOfBirth: "1986-03-14",
    nationality: "NLD",
    document: { type: "passport", number: "SPECI2014", issuingCountry: "NLD", expiryDate: "2031-08-01" },
  },
  rsse: {
    givenNames: "Ruben",
    surname: "Smit",
    dateOfBirth: "1979-11-02",
    nationality: "NLD",
    document: { type: "identity_card", number: "IXK7B91D3", issuingCountry: "NLD", expiryDate: "2029-02-17" },
  },
  revoked: {
    givenNames: "Victor",
    surname: "de Vries",
    dateOfBirth: "1990-06-21",
    nationality: "NLD",
    document: {
      type: "driving_licence",
      number: "5012345678",
      issuingCountry: "NLD",
      expiryDate: "2030-05-30",
    },
  },
  "rsse-once": {
    givenNames: "Sanne",
    surname: "Bakker",
    dateOfBirth: "1993-01-09",
    nationality: "BEL",
    document: { type: "identity_card", number: "B0ELG1234", issuingCountry: "BEL", expiryDate: "2032-12-31" },
  },
};

/** A stable pseudonym per person, unrelated to the UIDs, as the access token carries it. */
export function pseudonymOf(persona: Persona): string {
  const h = createHash("sha256").update(`pseudonym:${persona.uids.sub}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function personaByPseudonym(pseudonym: string): Persona | undefined {
  return PERSONAS.find((p) => pseudonymOf(p) === pseudonym);
}

const pseudonymSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** The client_credentials grant: an application token for the report API. */
export function issueApplicationToken(state: DigidentityState, clientId: string, scope: string | undefined) {
  const token = randomId();
  const granted = (scope ?? REPORT_SCOPE)
    .split(" ")
    .filter((s) => s === REPORT_SCOPE)
    .join(" ");
  state.applicationTokens.set(token, { clientId, scope: granted }, APPLICATION_TOKEN_TTL_SECONDS * 1000);
  state.recordIssued("application_token", token);
  return {
    access_token: token,
    token_type: "Bearer" as const,
    expires_in: APPLICATION_TOKEN_TTL_SECONDS,
    scope: granted,
  };
}

function documentPhoto(persona: Persona, fixture: Fixture): string {
  const initials = `${fixture.givenNames[0] ?? ""}${fixture.surname.replace(/^de /, "")[0] ?? ""}`;
  // A drawn specimen, not a photo of anyone.
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300">
    <rect width="240" height="300" fill="#dfe7ef" />
    <circle cx="120" cy="115" r="55" fill="#9fb3c8" />
    <rect x="45" y="185" width="150" height="95" rx="60" fill="#9fb3c8" />
    <text x="120" y="130" font-family="sans-serif" font-size="40" text-anchor="middle" fill="#fff">
      ${initials}
    </text>
    <text x="120" y="292" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#b42318">
      SPECIMEN · ${persona.id}
    </text>
  </svg>`.toString();
}

export function reportRoutes(state: DigidentityState): Hono {
  const app = new Hono();
  const { issuer } = state.settings;

  /** The application token must be valid and carry the report scope. */
  const authorised = (c: Context) => {
    const token = parseBearer(c.req.header("authorization"));
    const grant = token === undefined ? undefined : state.applicationTokens.get(token);
    return grant && grant.scope.split(" ").includes(REPORT_SCOPE) ? grant : undefined;
  };

  /** A report exists for 30 days after the login that produced it, for the client it was made for. */
  type Found =
    | { error: Response }
    | { error?: undefined; persona: Persona; fixture: Fixture; createdAt: number; pseudonym: string };
  const findReport = (c: Context): Found => {
    const grant = authorised(c);
    if (!grant)
      return { error: oauthError(c, 401, "invalid_token", "a valid application token is required") };
    const pseudonym = pseudonymSchema.safeParse(c.req.param("pseudonym"));
    const persona = pseudonym.success ? personaByPseudonym(pseudonym.data) : undefined;
    const createdAt = persona ? state.reportCreatedAt.get(`${grant.clientId}:${persona.id}`) : undefined;
    const fixture = persona ? FIXTURES[persona.id] : undefined;
    if (!persona || !fixture || createdAt === undefined || state.now() - createdAt > REPORT_RETENTION_MS) {
      return { error: sandboxError(c, 404, "report_not_found", "no identity report for this pseudonym") };
    }
    return { persona, fixture, createdAt, pseudonym: pseudonymOf(persona) };
  };

  app.get("/api/v1/identity_reports/:pseudonym", (c) => {
    const found = findReport(c);
    if (found.error) return found.error;
    const { persona, fixture, createdAt, pseudonym } = found;
    return c.json(
      {
        data: {
          id: pseudonym,
          type: "identity_verification_report",
          attributes: {
            created_at: new Date(createdAt).toISOString(),
            expires_at: new Date(createdAt + REPORT_RETENTION_MS).toISOString(),
            personal_details: {
              given_names: fixture.givenNames,
              surname: fixture.surname,
              date_of_birth: fixture.dateOfBirth,
              nationality: fixture.nationality,
            },
            document: {
              type: fixture.document.type,
              number: fixture.document.number,
              issuing_country: fixture.document.issuingCountry,
              expiry_date: fixture.document.expiryDate,
            },
            checks: [
              { name: "document_authenticity", result: "passed" },
              { name: "face_match", result: "passed", score: 0.97 },
              { name: "liveness", result: "passed" },
              { name: "sanctions_screening", result: persona.revoked ? "attention" : "passed" },
            ],
            document_photo_url: `${issuer}/api/v1/identity_reports/${pseudonym}/document_photo`,
          },
        },
      },
      200,
      { "Cache-Control": "no-store" },
    );
  });

  app.get("/api/v1/identity_reports/:pseudonym/document_photo", (c) => {
    const found = findReport(c);
    if (found.error) return found.error;
    return c.body(documentPhoto(found.persona, found.fixture), 200, {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "no-store",
    });
  });

  return app;
}
