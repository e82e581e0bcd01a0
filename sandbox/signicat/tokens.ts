import { createHash } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { oauthError } from "../shared/errors";
import { authenticatedClient, parseBearer, type ClientAuthPolicy } from "../shared/http-auth";
import { misbehavingClaims, signMisbehaving } from "../shared/misbehaviour";
import { firstIssue } from "../shared/oauth-params";
import { pkceVerifierValid } from "../shared/oidc/pkce";
import { randomId } from "../shared/random";
import { urlencodedForm } from "../shared/validate";
import { findPersonaByUuid, type MitidPersona } from "./personas";
import type { PlatformDialect, SignicatPlatform } from "./platform";
import { CTA_SCOPE } from "./session-transfer";
import { ACCESS_TOKEN_TTL_SECONDS, type CompletedLogin, type SignicatState } from "./state";

const ID_TOKEN_TTL_SECONDS = 5 * 60;
const NEMLOGIN_AUDIT_SOURCE = "https://services.nemlog-in.dk/api/identity";

const tokenFormSchema = z.object({
  grant_type: z.literal("authorization_code", { error: "only authorization_code is supported" }),
  code: z.string().min(1).max(200),
  redirect_uri: z.string().max(2000),
  code_verifier: z.string().max(200).optional(),
  client_id: z.string().max(200).optional(),
});

/**
 * The `sub` each platform gives. eID Hub: a `public` subject (its discovery lists no
 * `pairwise`), 44 characters as a recorded login shows; Enterprise: the MitID UUID itself.
 */
function subjectFor(platform: SignicatPlatform, mitidUuid: string): string {
  if (platform === "enterprise") return mitidUuid;
  return `${createHash("sha256").update(mitidUuid).digest("base64url")}=`;
}

/**
 * The one place Signicat ID tokens are made (OIDC Core §2), including every way the
 * `misbehaviour` switch can make them wrong for a client.
 */
export async function issueSignicatIdToken(state: SignicatState, login: CompletedLogin): Promise<string> {
  const mode = state.misbehaviour.of(login.clientId);
  const now = Math.floor(state.now() / 1000);
  const claims = misbehavingClaims(
    mode,
    {
      iss: state.issuer(login.platform),
      sub: subjectFor(login.platform, login.mitidUuid),
      aud: login.clientId,
      iat: now,
      exp: now + ID_TOKEN_TTL_SECONDS,
      auth_time: Math.floor(login.authTime / 1000),
      nonce: login.nonce,
      idp: "mitid",
      acr: login.loa,
    },
    "signicat",
  );
  return signMisbehaving(mode, claims, {
    signingKey: state.signingKey,
    rotatedKey: state.rotatedKey,
    clientSecret: state.clientSecret(login.clientId),
  });
}

/**
 * Userinfo claims as each platform names them, released by scope (docs/providers/signicat.md).
 * eID Hub booleans are strings, as a live capture shows; the CPR is released only after a match.
 */
export function signicatClaims(persona: MitidPersona, login: CompletedLogin): Record<string, string> {
  const scopes = new Set(login.scope.split(" "));
  const enterprise = login.platform === "enterprise";
  const claims: Record<string, string> = { sub: subjectFor(login.platform, login.mitidUuid) };
  if (scopes.has("profile")) {
    // Name and address protection: "the common-name/name will be empty" (and the example omits it).
    if (!persona.nameProtected) {
      Object.assign(claims, {
        name: persona.name,
        given_name: persona.givenName,
        family_name: persona.familyName,
      });
    }
    claims.birthdate = persona.birthdate;
  }
  const cprMatched = login.cpr !== undefined && persona.cpr !== null;
  if (enterprise) {
    if (scopes.has("signicat.national_id") && cprMatched) claims["signicat.national_id"] = persona.cpr!;
    if (login.authTokenId) claims.auth_token_id = login.authTokenId;
  } else {
    if (scopes.has("idp-id")) claims.idp_id = persona.mitidUuid;
    if (scopes.has("nin") && cprMatched) {
      Object.assign(claims, { nin: persona.cpr!, nin_type: "PERSON", nin_issuing_country: "DK" });
    }
    if (scopes.has("mitid-extra")) {
      Object.assign(claims, {
        mitid_uuid: persona.mitidUuid,
        mitid_has_cpr: String(persona.cpr !== null),
        mitid_ial: login.ial,
        mitid_aal: login.aal,
        mitid_loa: login.loa,
        mitid_fal: "HIGH",
        mitid_transaction_id: login.transactionId,
        ...(persona.nameProtected ? { mitid_name_and_address_protection: "true" } : {}),
        ...(login.cpr ? { mitid_cpr_source: login.cpr.source } : {}),
      });
    }
  }
  // MitID Session Transfer (ENT-MITID): the reference to this login, for a client set up for it.
  if (login.ctaId) claims["signicat.cta_id"] = login.ctaId;
  const rep = login.representation;
  if (rep) {
    claims["signicat.organization.number"] =
      rep.kind === "business" ? rep.identity.organisation.cvr : rep.cvr;
    claims["signicat.organization.name"] =
      rep.kind === "business" ? rep.identity.organisation.name : rep.name;
    claims["mitid.employee.audit.source"] = NEMLOGIN_AUDIT_SOURCE;
    claims["mitid.employee.audit.timestamp"] = new Date(login.authTime).toISOString();
  }
  if (rep?.kind === "business") {
    const b = rep.identity;
    Object.assign(claims, {
      "mitid.employee.uuid": b.employeeUuid,
      "mitid.employee.name": b.employeeName,
      "mitid.employee.ial": b.ial.charAt(0) + b.ial.slice(1).toLowerCase(),
      "mitid.employee.email": b.email,
      "mitid.employee.rid": b.rid,
      "mitid.employee.can_represent_organization_alone": String(b.canRepresentAlone),
      "mitid.employee.organization.cvr": b.organisation.cvr,
      "mitid.employee.organization.name": b.organisation.name,
      "mitid.employee.organization.p_number": b.organisation.pNumber,
    });
  }
  return claims;
}

/**
 * Client credentials for Signicat's APIs: here only the MitID Session Transfer API's scope,
 * `client.mitid.cta`, for a client set up for session transfer (docs/providers/signicat.md).
 */
function clientCredentials(
  c: Context,
  state: SignicatState,
  clientId: string,
  form: Record<string, string>,
): Response {
  const scopes = (form.scope ?? "").split(" ").filter(Boolean);
  if (scopes.length === 0 || scopes.some((s) => s !== CTA_SCOPE)) {
    return oauthError(c, 400, "invalid_scope", `the only API scope here is ${CTA_SCOPE}`);
  }
  if (!state.transfer.enabledFor(clientId)) {
    return oauthError(c, 400, "unauthorized_client", "this client is not set up for MitID Session Transfer");
  }
  const { token, expiresIn } = state.transfer.issueApiToken(clientId, CTA_SCOPE);
  state.issued.record("access_token", token);
  return c.json({ access_token: token, token_type: "Bearer", expires_in: expiresIn, scope: CTA_SCOPE }, 200, {
    "Cache-Control": "no-store",
    Pragma: "no-cache",
  });
}

export function tokenRoutes(state: SignicatState, dialect: PlatformDialect): Hono {
  const app = new Hono();
  // HTTP Basic only; a client_secret in the body next to it is ignored.
  const clientAuth: ClientAuthPolicy = {
    methods: ["client_secret_basic"],
    secretOf: (clientId) => state.clientSecret(clientId),
    refuse: (c) =>
      oauthError(c, 401, "invalid_client", "client authentication with HTTP Basic failed", {
        "WWW-Authenticate": 'Basic realm="signicat"',
      }),
    tolerates: ["two_methods"],
  };

  const tokenBody = urlencodedForm(z.record(z.string(), z.string()), (c) =>
    oauthError(c, 400, "invalid_request", "expected a form body with no repeated parameters"),
  );
  app.post(dialect.endpoints.token, tokenBody, async (c) => {
    const form = c.req.valid("form");
    // The fields are checked after client authentication, which answers first.
    const clientId = authenticatedClient(c, form, clientAuth);
    if (clientId instanceof Response) return clientId;
    if (state.misbehaviour.of(clientId) === "garbage") {
      return c.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 200);
    }
    if (form.grant_type === "client_credentials") return clientCredentials(c, state, clientId, form);
    const parsed = tokenFormSchema.safeParse(form);
    if (!parsed.success) return oauthError(c, 400, "invalid_request", firstIssue(parsed.error));
    const grant = state.codes.take(parsed.data.code);
    if (
      !grant ||
      grant.platform !== dialect.platform ||
      grant.clientId !== clientId ||
      grant.redirectUri !== parsed.data.redirect_uri
    ) {
      return oauthError(c, 400, "invalid_grant", "the code is unknown, used, expired or not for this client");
    }
    if (grant.codeChallenge !== undefined) {
      if (!pkceVerifierValid(parsed.data.code_verifier, grant.codeChallenge)) {
        return oauthError(c, 400, "invalid_grant", "code_verifier does not match the code_challenge");
      }
    }
    const accessToken = randomId();
    state.accessTokens.set(accessToken, grant, ACCESS_TOKEN_TTL_SECONDS * 1000);
    const idToken = await issueSignicatIdToken(state, grant);
    state.issued.record("access_token", accessToken);
    state.issued.record("id_token", idToken);
    return c.json(
      {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        scope: grant.scope,
        id_token: idToken,
      },
      200,
      { "Cache-Control": "no-store", Pragma: "no-cache" },
    );
  });

  app.get(dialect.endpoints.userinfo, (c) => {
    const token = parseBearer(c.req.header("authorization"));
    const login = token === undefined ? undefined : state.accessTokens.get(token);
    const persona = findPersonaByUuid(login?.mitidUuid);
    if (!login || !persona || login.platform !== dialect.platform) {
      return oauthError(c, 401, "invalid_token", "the access token is missing, unknown or expired", {
        "WWW-Authenticate": 'Bearer realm="signicat", error="invalid_token"',
      });
    }
    const claims = signicatClaims(persona, login);
    if (state.misbehaviour.of(login.clientId) === "userinfo_sub_mismatch") {
      claims.sub = subjectFor(login.platform, "00000000-0000-4000-8000-000000000000");
    }
    return c.json(claims, 200, { "Cache-Control": "no-store" });
  });

  return app;
}
