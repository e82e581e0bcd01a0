/**
 * Signicat contract: the portal's adapters fed the answers Signicat's own docs and samples show
 * (tests/unit/fixtures/signicat/, each naming its source), and the sandbox's answers checked for
 * the same shape, so the sandbox cannot drift from the real service again.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { decodeProtectedHeader, type JWK } from "jose";

import { buildSignicatConfig, type SignicatConfig } from "../../lib/providers/signicat/descriptor";
import { mitidIdentityFromUserInfo } from "../../lib/providers/signicat/identity";
import { signicatAuthorizationParams, signicatFlowScopes } from "../../lib/providers/signicat/provider";
import { reasonFromOAuthError } from "../../lib/login-failure/provider-names";
import { basicAuth, formPost, servedSandbox, type SandboxApp } from "./support/sandbox-http";

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", "signicat", name), "utf8"));

const cprExtra = fixture("hub-userinfo-cpr-extra.json");
const protectedUser = fixture("hub-userinfo-protected.json");
const basicExtra = fixture("hub-userinfo-basic-extra.json");
const cancel = fixture("hub-cancel-redirect.json");
const mle = fixture("enterprise-request-object.json");
const enterprise = fixture("enterprise-mitid.json");
const sessionTransfer = fixture("session-transfer.json");

describe("Signicat contract: the portal reads what Signicat documents", () => {
  it("eID Hub CPR match with mitid-extra (JSON booleans): CPR matched, masked, levels read", () => {
    const { identity } = mitidIdentityFromUserInfo(
      { sub: "subject", ...cprExtra.claims },
      { platform: "eid-hub", grantedScope: cprExtra.scope },
    );
    assert.equal(identity.flow, "cpr");
    assert.equal(identity.mitidUuid, "8cb1e51c-13aa-4044-b9ac-8978cf1f113c");
    assert.deepEqual(identity.cprMatch, { maskedCpr: "110774-****" });
    assert.equal(identity.hasCpr, true);
    assert.equal(identity.loa, "HIGH");
    assert.equal(identity.name, "Abelone Christensen");
  });

  it("eID Hub name and address protection (no name, string booleans): logged in, name protected", () => {
    const { identity } = mitidIdentityFromUserInfo(
      { sub: "subject", ...protectedUser.claims },
      { platform: "eid-hub", grantedScope: protectedUser.scope },
    );
    assert.equal(identity.name, undefined);
    assert.equal(identity.nameProtected, true);
    assert.equal(identity.hasCpr, true);
    assert.equal(identity.flow, "cpr");
  });

  it("eID Hub basic login with mitid-extra: no CPR match", () => {
    const { identity } = mitidIdentityFromUserInfo(
      { sub: "subject", ...basicExtra.claims },
      { platform: "eid-hub", grantedScope: basicExtra.scope },
    );
    assert.equal(identity.flow, "mitid");
    assert.equal(identity.cprMatch, undefined);
  });

  it("Enterprise claims: sub is the MitID UUID, the CPR in signicat.national_id, business claims dotted", () => {
    const plain = mitidIdentityFromUserInfo(enterprise.claims, {
      platform: "enterprise",
      grantedScope: "openid profile signicat.national_id",
    });
    assert.equal(plain.identity.mitidUuid, enterprise.claims.sub);
    assert.deepEqual(plain.identity.cprMatch, { maskedCpr: "280554-****" });
    assert.equal(plain.authTokenId, enterprise.claims.auth_token_id);
    const business = mitidIdentityFromUserInfo(
      { ...enterprise.claims, ...enterprise.businessClaims },
      { platform: "enterprise", grantedScope: "openid profile signicat.organization mitid.business" },
    );
    assert.equal(business.identity.flow, "business");
    assert.deepEqual(business.identity.organisation, {
      cvr: "96413608",
      name: "Testorganisation",
      pNumber: "1028556051",
    });
  });

  it("the refusals each platform documents get their own page", () => {
    assert.equal(reasonFromOAuthError(cancel.query.error, cancel.query.error_description), "cancelled");
    assert.equal(reasonFromOAuthError("access_denied", enterprise.errors.cancel), "cancelled");
    assert.equal(
      reasonFromOAuthError("access_denied", enterprise.errors.lacksSignatoryRights),
      "lacks_signatory_rights",
    );
  });
});

describe("Signicat contract: the sandbox answers in the same shape", () => {
  let base = "";
  let app: SandboxApp;
  servedSandbox("signicat-contract", (a, b) => {
    app = a;
    base = b;
  });
  const redirectUri = "http://localhost:3000/api/auth/callback/signicat";

  const portalConfig = (env: Record<string, string>): SignicatConfig => {
    const { config, problems } = buildSignicatConfig(env, { sandbox: true, sandboxUrl: base });
    assert.deepEqual(problems, []);
    return config;
  };

  /** The authorization URL the portal would send the browser to, as Auth.js adds state, nonce, PKCE. */
  function authorizeUrl(cfg: SignicatConfig, params: Record<string, string>) {
    const verifier = randomBytes(32).toString("base64url");
    const endpoint = cfg.platform === "enterprise" ? "/authorize" : "/connect/authorize";
    return `${cfg.issuer}${endpoint}?${new URLSearchParams({
      client_id: cfg.clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      state: "s",
      nonce: "n",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
      ...params,
    })}`;
  }

  it("Enterprise: the portal's request object has the header signicat/OIDC-MLE shows, and the sandbox takes it", async () => {
    const cfg = portalConfig({ SIGNICAT_PLATFORM: "enterprise" });
    const params = await signicatAuthorizationParams(cfg, { flow: "cpr", cpr: "2805542112" }, redirectUri);
    const header = decodeProtectedHeader(params.request!);
    assert.deepEqual(Object.keys(header).sort(), Object.keys(mle.header).sort());
    assert.equal(header.enc, mle.header.enc);
    assert.equal(header.typ, mle.header.typ);
    const jwks = (await (await app.request("/signicat/oidc/jwks.json")).json()) as { keys: JWK[] };
    const enc = jwks.keys.find((k) => k.use === "enc")!;
    assert.equal(enc.alg, mle.encryptionKey.alg);
    assert.equal(header.alg, enc.alg);
    assert.equal(header.kid, enc.kid);
    // The CPR travels only inside the encryption.
    for (const value of Object.values(params)) assert.doesNotMatch(value, /2805542112|MjgwNTU0MjExM/);

    const res = await app.request(authorizeUrl(cfg, params).replace(base, ""));
    assert.equal(res.status, 200);
    assert.match(await res.text(), /MitID log on/);
  });

  it("Enterprise: the request object carries the prefill, which the sandbox honours (a CVR restricts the choice)", async () => {
    const cfg = portalConfig({ SIGNICAT_PLATFORM: "enterprise" });
    const params = await signicatAuthorizationParams(cfg, { flow: "company", cvr: "23456789" }, redirectUri);
    assert.equal(params.acr_values, "urn:signicat:oidc:method:mitid");
    assert.equal(params.scope, signicatFlowScopes(cfg).company);
    assert.equal(decodeProtectedHeader(params.request!).cty, undefined);
    const page = await app.request(authorizeUrl(cfg, params).replace(base, ""));
    const tx = /name="tx" value="([^"]+)"/.exec(await page.text())![1]!;
    await app.request(
      "/signicat/oidc/authorize",
      formPost({ tx, step: "userid", action: "continue", userId: "helle.jensen" }),
    );
    await app.request("/signicat/oidc/authorize", formPost({ tx, step: "method", action: "app" }));
    const pick = await app.request(
      "/signicat/oidc/authorize",
      formPost({ tx, step: "app", action: "pin", pin: "123456" }),
    );
    const html = await pick.text();
    assert.match(html, /Jensen Services/);
    assert.doesNotMatch(html, /Jensen Holding/);
  });

  it("eID Hub: the portal's nested request object (signed with its registered key) is taken by the sandbox", async () => {
    const cfg = portalConfig({});
    assert.equal(cfg.platform, "eid-hub");
    const params = await signicatAuthorizationParams(
      cfg,
      { flow: "mitid", stepUp: { level: "HIGH" } },
      redirectUri,
    );
    assert.equal(params.acr_values, "idp:mitid loa:high");
    const header = decodeProtectedHeader(params.request!);
    assert.equal(header.cty, "JWT");
    const res = await app.request(authorizeUrl(cfg, params).replace(base, ""));
    assert.equal(res.status, 200);
    // A CPR or CVR prefill does not exist on the eID Hub: the portal refuses to pretend.
    await assert.rejects(signicatAuthorizationParams(cfg, { flow: "cpr", cpr: "2805542112" }, redirectUri));
  });

  it("eID Hub userinfo names only documented claims, in their documented types", async () => {
    const login = await logIn(
      app,
      "/signicat/auth/open",
      "/connect",
      "openid profile idp-id nin mitid-extra",
      "2805542112",
    );
    const documented = new Set<string>(basicExtra.documentedClaims);
    for (const [claim, value] of Object.entries(login)) {
      assert.ok(documented.has(claim), `the sandbox sends ${claim}, which the eID Hub docs do not show`);
      const example =
        (cprExtra.claims as Record<string, unknown>)[claim] ??
        (protectedUser.claims as Record<string, unknown>)[claim];
      if (example !== undefined) {
        assert.ok(typeof value === "string" || typeof value === "boolean", claim);
      }
    }
    assert.equal(login.nin, "2805542112");
  });

  it("Enterprise userinfo names only documented claims", async () => {
    const login = await logIn(app, "/signicat/oidc", "", "openid profile signicat.national_id", "2805542112");
    // The main client is set up for MitID Session Transfer, whose claim ENT-MITID documents too.
    const documented = new Set([...Object.keys(enterprise.claims), ...Object.keys(sessionTransfer.ctaClaim)]);
    for (const claim of Object.keys(login)) assert.ok(documented.has(claim), `unexpected ${claim}`);
  });

  it("a cancel comes back as each platform's sample shows", async () => {
    for (const [issuerPath, authorize, expected] of [
      ["/signicat/auth/open", "/connect/authorize", { error: cancel.query.error }],
      [
        "/signicat/oidc",
        "/authorize",
        { error: "access_denied", error_description: enterprise.errors.cancel },
      ],
    ] as const) {
      const page = await app.request(
        `${issuerPath}${authorize}?${new URLSearchParams({
          client_id: "rmi-portal-signicat",
          redirect_uri: redirectUri,
          response_type: "code",
          scope: "openid profile",
          state: "s",
        })}`,
      );
      const tx = /name="tx" value="([^"]+)"/.exec(await page.text())![1]!;
      const res = await app.request(
        `${issuerPath}${authorize}`,
        formPost({ tx, step: "userid", action: "cancel" }),
      );
      const query = new URL(res.headers.get("location")!).searchParams;
      assert.equal(query.get("error"), expected.error);
      if ("error_description" in expected)
        assert.equal(query.get("error_description"), expected.error_description);
      else assert.match(query.get("error_description")!, /^Authentication with IdP '\w+' was aborted/);
    }
  });
});

/** A MitID login through the sandbox's screens (PIN), typing the CPR when asked; answers userinfo. */
async function logIn(
  app: SandboxApp,
  issuerPath: string,
  connect: string,
  scope: string,
  cpr?: string,
): Promise<Record<string, unknown>> {
  const redirectUri = "http://localhost:3000/api/auth/callback/signicat";
  const verifier = randomBytes(32).toString("base64url");
  const authorize = `${issuerPath}${connect}/authorize`;
  let res = await app.request(
    `${authorize}?${new URLSearchParams({
      client_id: "rmi-portal-signicat",
      redirect_uri: redirectUri,
      response_type: "code",
      scope,
      state: "s",
      nonce: "n",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    })}`,
  );
  const tx = /name="tx" value="([^"]+)"/.exec(await res.text())![1]!;
  await app.request(authorize, formPost({ tx, step: "userid", action: "continue", userId: "peter.hansen" }));
  await app.request(authorize, formPost({ tx, step: "method", action: "app" }));
  res = await app.request(authorize, formPost({ tx, step: "app", action: "pin", pin: "123456" }));
  if (cpr) res = await app.request(authorize, formPost({ tx, step: "cpr", action: "continue", cpr }));
  const code = new URL(res.headers.get("location")!).searchParams.get("code")!;
  const basic = basicAuth("rmi-portal-signicat", "sandbox-signicat-secret");
  const token = await app.request(
    `${issuerPath}${connect}/token`,
    formPost(
      { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier },
      basic,
    ),
  );
  const { access_token } = (await token.json()) as { access_token: string };
  const userinfo = await app.request(`${issuerPath}${connect}/userinfo`, {
    headers: { Authorization: `Bearer ${access_token}` },
  });
  return (await userinfo.json()) as Record<string, unknown>;
}
