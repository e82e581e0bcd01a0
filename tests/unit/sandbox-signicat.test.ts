import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import type { Hono } from "hono";
import {
  CompactEncrypt,
  createLocalJWKSet,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
} from "jose";
import { SANDBOX_REQUEST_SIGNING_JWK } from "../../lib/providers/signicat/sandbox-request-key";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";
import { formPost } from "./support/sandbox-http";

const ISSUER = "http://localhost:4000/signicat/auth/open";
const ENTERPRISE_ISSUER = "http://localhost:4000/signicat/oidc";
const HUB = {
  base: "/signicat/auth/open",
  authorize: "/connect/authorize",
  token: "/connect/token",
  userinfo: "/connect/userinfo",
  jwks: "/.well-known/openid-configuration/jwks",
};
const ENT = {
  base: "/signicat/oidc",
  authorize: "/authorize",
  token: "/token",
  userinfo: "/userinfo",
  jwks: "/jwks.json",
};
type Platform = typeof HUB;
const CLIENT_ID = "rmi-portal-signicat";
const CLIENT_SECRET = "sandbox-signicat-secret";
const REDIRECT_URI = "http://localhost:3000/api/auth/callback/signicat";
const PETER = { userId: "peter.hansen", cpr: "2805542112" };

const dir = mkdtempSync(path.join(tmpdir(), "signicat-sandbox-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const LAB = { id: "rmi-portal-lab", secret: "sandbox-lab-secret" };

async function sandbox(
  cacheFile = path.join(dir, `cache-${randomBytes(4).toString("hex")}.json`),
  env: Record<string, string> = {},
) {
  const app = await createSandboxApp(
    parseSandboxConfig({ SANDBOX_SIGNICAT_CPR_CACHE_FILE: cacheFile, ...env }),
  );
  return { app, cacheFile };
}

async function encKey(app: Hono, platform: Platform): Promise<JWK> {
  const jwks = (await (await app.request(`${platform.base}${platform.jwks}`)).json()) as { keys: JWK[] };
  const enc = jwks.keys.find((k) => k.use === "enc");
  assert.ok(enc);
  return enc;
}

/** eID Hub: a request object as the portal makes one, signed with its registered key, then encrypted. */
async function hubRequestObject(
  app: Hono,
  claims: Record<string, unknown>,
  options: { hs256Secret?: string; jti?: string } = {},
): Promise<string> {
  const enc = await encKey(app, HUB);
  const jwt = new SignJWT({ client_id: CLIENT_ID, ...claims })
    .setIssuer(CLIENT_ID)
    .setAudience(ISSUER)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(options.jti ?? randomBytes(8).toString("hex"));
  const signed = options.hs256Secret
    ? await jwt.setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(options.hs256Secret))
    : await jwt
        .setProtectedHeader({
          alg: "RS256",
          kid: SANDBOX_REQUEST_SIGNING_JWK.kid,
          typ: "oauth-authz-req+jwt",
        })
        .sign(await importJWK({ ...SANDBOX_REQUEST_SIGNING_JWK }, "RS256"));
  return new CompactEncrypt(new TextEncoder().encode(signed))
    .setProtectedHeader({ alg: enc.alg!, enc: "A256CBC-HS512", cty: "JWT", kid: enc.kid })
    .encrypt(await importJWK(enc, enc.alg));
}

/** Enterprise: the parameters as a JWE of JSON, as signicat/OIDC-MLE's examples make it. */
async function enterpriseRequestObject(
  app: Hono,
  claims: Record<string, unknown>,
  withKid = true,
): Promise<string> {
  const enc = await encKey(app, ENT);
  assert.equal(enc.alg, "RSA-OAEP");
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ client_id: CLIENT_ID, ...claims })))
    .setProtectedHeader({
      alg: "RSA-OAEP",
      enc: "A256CBC-HS512",
      typ: "JWE",
      ...(withKid ? { kid: enc.kid } : {}),
    })
    .encrypt(await importJWK(enc, "RSA-OAEP"));
}

/** Drives the MitID screens like a browser: one form post per step, the transaction id from the page. */
class Browser {
  tx = "";
  verifier = randomBytes(32).toString("base64url");
  constructor(
    readonly app: Hono,
    readonly platform: Platform = HUB,
    readonly client = { id: CLIENT_ID, secret: CLIENT_SECRET },
  ) {}

  async authorize(params: Record<string, string>): Promise<Response> {
    const query = new URLSearchParams({
      client_id: this.client.id,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: this.platform === HUB ? "openid profile idp-id mitid-extra" : "openid profile",
      state: "s1",
      nonce: "n1",
      code_challenge: createHash("sha256").update(this.verifier).digest("base64url"),
      code_challenge_method: "S256",
      ...params,
    });
    return this.page(await this.app.request(`${this.platform.base}${this.platform.authorize}?${query}`));
  }

  async step(step: string, fields: Record<string, string>): Promise<Response> {
    return this.page(
      await this.app.request(
        `${this.platform.base}${this.platform.authorize}`,
        formPost({ tx: this.tx, step, ...fields }),
      ),
    );
  }

  async page(res: Response): Promise<Response> {
    if (res.headers.get("content-type")?.includes("text/html")) {
      const html = await res.clone().text();
      this.tx = /name="tx" value="([^"]+)"/.exec(html)?.[1] ?? this.tx;
    }
    return res;
  }

  async logInWithPin(userId: string): Promise<Response> {
    await this.step("userid", { action: "continue", userId });
    await this.step("method", { action: "app" });
    return this.step("app", { action: "pin", pin: "123456" });
  }

  async redeem(res: Response) {
    assert.equal(res.status, 303);
    const location = new URL(res.headers.get("location")!);
    const code = location.searchParams.get("code");
    assert.ok(code, `expected a code, got ${location.search}`);
    const token = await this.app.request(
      `${this.platform.base}${this.platform.token}`,
      formPost(
        { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: this.verifier },
        `Basic ${Buffer.from(`${this.client.id}:${this.client.secret}`).toString("base64")}`,
      ),
    );
    assert.equal(token.status, 200);
    const tokens = (await token.json()) as { access_token: string; id_token: string; scope: string };
    const userinfo = await this.app.request(`${this.platform.base}${this.platform.userinfo}`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    return { tokens, claims: (await userinfo.json()) as Record<string, string> };
  }
}

function redirectParams(res: Response): URLSearchParams {
  assert.equal(res.status, 303);
  return new URL(res.headers.get("location")!).searchParams;
}

function errorOf(res: Response): string | null {
  return redirectParams(res).get("error_description");
}

describe("Signicat sandbox: eID Hub (/auth/open)", () => {
  it("publishes discovery with asymmetric request-object algorithms only, and a JWKS with a signing and an encryption key", async () => {
    const { app } = await sandbox();
    const discovery = (await (
      await app.request(`${HUB.base}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, ISSUER);
    assert.equal(discovery.authorization_endpoint, `${ISSUER}/connect/authorize`);
    assert.deepEqual(discovery.subject_types_supported, ["public"]);
    const algs = discovery.request_object_signing_alg_values_supported as string[];
    assert.ok(algs.includes("RS256"));
    assert.ok(algs.every((alg) => !alg.startsWith("HS")));
    assert.equal(discovery.acr_values_supported, undefined);
    const jwks = (await (await app.request(`${HUB.base}${HUB.jwks}`)).json()) as { keys: JWK[] };
    assert.deepEqual(jwks.keys.map((k) => k.use).sort(), ["enc", "sig"]);
  });

  it("takes a nested request object signed with the client's registered key; refuses HS256 and a replayed jti", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    const screen = await browser.authorize({
      acr_values: "idp:mitid",
      request: await hubRequestObject(app, {
        scope: "openid profile idp-id mitid-extra",
        acr_values: "idp:mitid loa:high",
      }),
    });
    assert.equal(screen.status, 200);
    await browser.step("userid", { action: "continue", userId: PETER.userId });
    await browser.step("method", { action: "app" });
    const { tokens, claims } = await browser.redeem(await browser.step("app", { action: "biometrics" }));
    assert.equal(claims.mitid_loa, "HIGH");
    assert.equal(claims.auth_token_id, undefined);

    const jwks = (await (await app.request(`${HUB.base}${HUB.jwks}`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: CLIENT_ID,
    });
    assert.equal(payload.sub, claims.sub);
    assert.equal(payload.nonce, "n1");

    const hs = await new Browser(app).authorize({
      request: await hubRequestObject(app, {}, { hs256Secret: CLIENT_SECRET }),
    });
    assert.equal(redirectParams(hs).get("error"), "invalid_request_object");
    const once = await hubRequestObject(app, {}, { jti: "same-jti" });
    assert.equal((await new Browser(app).authorize({ request: once })).status, 200);
    const again = await new Browser(app).authorize({
      request: await hubRequestObject(app, {}, { jti: "same-jti" }),
    });
    assert.equal(redirectParams(again).get("error"), "invalid_request_object");
  });

  it("has no CPR prefill: a subject login_hint, even in a request object, is ignored and the CPR asked for", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({
      scope: "openid profile idp-id nin mitid-extra",
      request: await hubRequestObject(app, { login_hint: [`subject-${PETER.cpr}`] }),
    });
    const res = await browser.logInWithPin(PETER.userId);
    assert.match(await res.text(), /Confirm your CPR number/);
    const { tokens, claims } = await browser.redeem(
      await browser.step("cpr", { action: "continue", cpr: PETER.cpr }),
    );
    assert.equal(claims.nin, PETER.cpr);
    assert.equal(claims.nin_type, "PERSON");
    assert.equal(claims.nin_issuing_country, "DK");
    assert.equal(claims.mitid_cpr_source, "user");
    assert.equal(claims.mitid_has_cpr, "true");
    assert.match(tokens.scope, /\bnin\b/);
  });

  it("ends the login after three CPR misses with access_denied, and a cancel with IDP-3200", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({ scope: "openid nin mitid-extra" });
    await browser.logInWithPin(PETER.userId);
    const first = await browser.step("cpr", { action: "continue", cpr: "0101010000" });
    assert.match(await first.text(), /You have 2 attempts left/);
    await browser.step("cpr", { action: "continue", cpr: "0101010000" });
    const third = await browser.step("cpr", { action: "continue", cpr: "0101010000" });
    assert.equal(redirectParams(third).get("error"), "access_denied");
    assert.doesNotMatch(errorOf(third) ?? "", /urn:signicat/);

    const leaving = new Browser(app);
    await leaving.authorize({});
    const cancel = await leaving.step("userid", { action: "cancel" });
    assert.equal(redirectParams(cancel).get("error"), "IDP-3200");
  });

  it("refuses an acr_values naming another eID", async () => {
    const { app } = await sandbox();
    const res = await new Browser(app).authorize({ acr_values: "idp:nosuchidp" });
    assert.equal(redirectParams(res).get("error"), "invalid_request");
  });

  it("sends no name for a user with name and address protection", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({});
    const { claims } = await browser.redeem(await browser.logInWithPin("sofie.skov"));
    assert.equal(claims.name, undefined);
    assert.equal(claims.mitid_name_and_address_protection, "true");
    assert.equal(claims.birthdate, "1992-04-17");
  });

  it("remembers a CPR per client in a file that survives a restart", async () => {
    const first = await sandbox();
    const browser = new Browser(first.app);
    await browser.authorize({ scope: "openid nin mitid-extra" });
    await browser.logInWithPin(PETER.userId);
    const matched = await browser.step("cpr", { action: "continue", cpr: "280554-2112", remember: "yes" });
    assert.equal((await browser.redeem(matched)).claims.mitid_cpr_source, "user");
    assert.match(readFileSync(first.cacheFile, "utf8"), /"version":1/);

    const restarted = await sandbox(first.cacheFile);
    const again = new Browser(restarted.app);
    await again.authorize({ scope: "openid nin mitid-extra" });
    const { claims } = await again.redeem(await again.logInWithPin(PETER.userId));
    assert.equal(claims.mitid_cpr_source, "database");
    assert.equal(claims.nin, PETER.cpr);
  });
});

describe("Signicat sandbox: Enterprise (/oidc)", () => {
  it("publishes its own discovery, with an RSA-OAEP encryption key at /jwks.json", async () => {
    const { app } = await sandbox();
    const discovery = (await (
      await app.request(`${ENT.base}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, ENTERPRISE_ISSUER);
    assert.equal(discovery.jwks_uri, `${ENTERPRISE_ISSUER}/jwks.json`);
    const enc = await encKey(app, ENT);
    assert.ok(enc.kid);
  });

  it("matches a CPR prefilled in the encrypted request object with no prompt, and names the claims as Enterprise does", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app, ENT);
    await browser.authorize({
      scope: "openid profile signicat.national_id",
      acr_values: "urn:signicat:oidc:method:mitid",
      request: await enterpriseRequestObject(app, { login_hint: [`subject-${PETER.cpr}`] }),
    });
    const { claims } = await browser.redeem(await browser.logInWithPin(PETER.userId));
    assert.equal(claims["signicat.national_id"], PETER.cpr);
    assert.equal(claims.sub, "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e01");
    assert.equal(claims.nin, undefined);
    assert.equal(claims.mitid_loa, undefined);
    assert.match(claims.auth_token_id!, /^mitid:[0-9a-f-]{36}$/);
  });

  it("refuses a request object without the key's kid, a signed one, and a CPR in a plain URL login_hint", async () => {
    const { app } = await sandbox();
    const noKid = await new Browser(app, ENT).authorize({
      request: await enterpriseRequestObject(app, {}, false),
    });
    assert.equal(redirectParams(noKid).get("error"), "invalid_request_object");
    const signed = await new SignJWT({ client_id: CLIENT_ID })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(CLIENT_SECRET));
    const jws = await new Browser(app, ENT).authorize({ request: signed });
    assert.equal(redirectParams(jws).get("error"), "invalid_request_object");

    const browser = new Browser(app, ENT);
    await browser.authorize({ scope: "openid signicat.national_id", login_hint: `subject-${PETER.cpr}` });
    assert.match(await (await browser.logInWithPin(PETER.userId)).text(), /Confirm your CPR number/);
  });

  it("steps up with auth_token_id to a higher level, and refuses one that is not higher", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app, ENT);
    await browser.authorize({});
    const { claims } = await browser.redeem(await browser.logInWithPin(PETER.userId));
    const authTokenId = claims.auth_token_id!;

    const sameLevel = await new Browser(app, ENT).authorize({
      request: await enterpriseRequestObject(app, {
        login_hint: [`authTokenId-${authTokenId}`, "assuranceLevel-SUBSTANTIAL"],
      }),
    });
    assert.equal(redirectParams(sameLevel).get("error"), "access_denied");

    const stepUp = new Browser(app, ENT);
    const screen = await stepUp.authorize({
      request: await enterpriseRequestObject(app, {
        login_hint: [`authTokenId-${authTokenId}`, "assuranceLevel-HIGH", "assuranceMethod-LOA"],
      }),
    });
    const html = await screen.text();
    assert.doesNotMatch(html, /User ID/);
    assert.doesNotMatch(html, /MitID code display/);
    await stepUp.step("method", { action: "app" });
    const high = await stepUp.redeem(await stepUp.step("app", { action: "biometrics" }));
    assert.equal(high.claims.sub, claims.sub);
  });

  it("restricts Private for Business to a prefilled CVR, refuses one without signatory rights, and cancels with usercancel", async () => {
    const { app } = await sandbox();
    const ok = new Browser(app, ENT);
    await ok.authorize({ scope: "openid profile signicat.organization", login_hint: "cvr-23456789" });
    const html = await (await ok.logInWithPin("helle.jensen")).text();
    assert.match(html, /Jensen Services/);
    assert.doesNotMatch(html, /Jensen Holding/);
    const { claims } = await ok.redeem(await ok.step("pick", { action: "continue", choice: "23456789" }));
    assert.equal(claims["signicat.organization.number"], "23456789");
    assert.equal(claims["signicat.organization.name"], "Jensen Services");

    const refused = new Browser(app, ENT);
    await refused.authorize({ scope: "openid profile signicat.organization", login_hint: "cvr-11111111" });
    assert.equal(
      errorOf(await refused.logInWithPin("helle.jensen")),
      "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR",
    );

    const leaving = new Browser(app, ENT);
    await leaving.authorize({});
    const cancel = await leaving.step("userid", { action: "cancel" });
    assert.equal(redirectParams(cancel).get("error"), "access_denied");
    assert.equal(errorOf(cancel), "urn:signicat:error:usercancel");
  });
});

describe("Signicat sandbox misbehaviour", () => {
  async function labSandbox() {
    const { app } = await sandbox(undefined, { SANDBOX_SIGNICAT_EXTRA_CLIENTS: `${LAB.id}:${LAB.secret}` });
    const misbehave = (mode: string, clientId = LAB.id) =>
      app.request("/signicat/control/misbehaviour", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ client_id: clientId, mode }),
      });
    const jwks = async () =>
      (await (
        await app.request("/signicat/auth/open/.well-known/openid-configuration/jwks")
      ).json()) as JSONWebKeySet;
    const verify = async (idToken: string, audience: string) =>
      jwtVerify(idToken, createLocalJWKSet(await jwks()), { issuer: ISSUER, audience });
    return { app, misbehave, jwks, verify };
  }

  it("bends only the misbehaving client's ID token; the main client keeps logging in", async () => {
    const { app, misbehave, verify } = await labSandbox();
    assert.equal((await misbehave("wrong_nonce")).status, 200);
    const listed = (await (await app.request("/signicat/control/misbehaviour")).json()) as {
      clients: Record<string, string>;
    };
    assert.deepEqual(listed.clients, { [CLIENT_ID]: "none", [LAB.id]: "wrong_nonce" });

    const lab = new Browser(app, HUB, LAB);
    await lab.authorize({});
    const { tokens } = await lab.redeem(await lab.logInWithPin(PETER.userId));
    assert.equal((await verify(tokens.id_token, LAB.id)).payload.nonce, "not-the-nonce-you-sent");

    const main = new Browser(app);
    await main.authorize({});
    const ok = await main.redeem(await main.logInWithPin(PETER.userId));
    assert.equal((await verify(ok.tokens.id_token, CLIENT_ID)).payload.nonce, "n1");
  });

  it("signs with a key outside the JWKS for bad_signature, and publishes the rotated key for rotated_key", async () => {
    const { app, misbehave, jwks, verify } = await labSandbox();
    assert.equal((await jwks()).keys.filter((k) => k.use === "sig").length, 1);
    await misbehave("bad_signature");
    const bad = new Browser(app, HUB, LAB);
    await bad.authorize({});
    const { tokens } = await bad.redeem(await bad.logInWithPin(PETER.userId));
    await assert.rejects(verify(tokens.id_token, LAB.id), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });

    await misbehave("rotated_key");
    const sigKeys = (await jwks()).keys.filter((k) => k.use === "sig");
    assert.equal(sigKeys.length, 2);
    const rotated = new Browser(app, HUB, LAB);
    await rotated.authorize({});
    const again = await rotated.redeem(await rotated.logInWithPin(PETER.userId));
    const { protectedHeader } = await verify(again.tokens.id_token, LAB.id);
    assert.equal(protectedHeader.kid, sigKeys[1]!.kid);
  });

  it("bends the authorization response, userinfo and the token endpoint", async () => {
    const { app, misbehave } = await labSandbox();
    await misbehave("missing_state");
    const noState = new Browser(app, HUB, LAB);
    await noState.authorize({});
    const back = new URL((await noState.logInWithPin(PETER.userId)).headers.get("location")!);
    assert.ok(back.searchParams.get("code"));
    assert.equal(back.searchParams.has("state"), false);
    assert.equal(back.searchParams.get("iss"), ISSUER);

    await misbehave("wrong_response_iss");
    const mixUp = new Browser(app, HUB, LAB);
    await mixUp.authorize({});
    const forged = new URL((await mixUp.logInWithPin(PETER.userId)).headers.get("location")!);
    assert.equal(forged.searchParams.get("state"), "s1");
    assert.equal(forged.searchParams.get("iss"), "https://evil.example/signicat");

    await misbehave("access_denied");
    const denied = new Browser(app, HUB, LAB);
    await denied.authorize({});
    const refused = new URL((await denied.logInWithPin(PETER.userId)).headers.get("location")!);
    assert.equal(refused.searchParams.get("error"), "access_denied");
    assert.equal(refused.searchParams.has("code"), false);

    await misbehave("userinfo_sub_mismatch");
    const other = new Browser(app, HUB, LAB);
    await other.authorize({});
    const { tokens, claims } = await other.redeem(await other.logInWithPin(PETER.userId));
    const idTokenSub = JSON.parse(Buffer.from(tokens.id_token.split(".")[1]!, "base64url").toString()).sub;
    assert.notEqual(claims.sub, idTokenSub);

    await misbehave("garbage");
    const garbage = new Browser(app, HUB, LAB);
    await garbage.authorize({});
    const code = new URL(
      (await garbage.logInWithPin(PETER.userId)).headers.get("location")!,
    ).searchParams.get("code")!;
    const token = await app.request(
      "/signicat/auth/open/connect/token",
      formPost(
        {
          grant_type: "authorization_code",
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: garbage.verifier,
        },
        `Basic ${Buffer.from(`${LAB.id}:${LAB.secret}`).toString("base64")}`,
      ),
    );
    assert.match(token.headers.get("content-type") ?? "", /text\/html/);
  });

  it("refuses unknown clients and modes; /control/reset leaves modes and logins in progress alone", async () => {
    const { app, misbehave } = await labSandbox();
    assert.equal((await misbehave("wrong_iss", "nobody")).status, 404);
    assert.equal((await misbehave("made_up")).status, 400);
    await misbehave("wrong_iss");
    const browser = new Browser(app, HUB, LAB);
    await browser.authorize({});
    assert.equal((await app.request("/signicat/control/reset", { method: "POST" })).status, 200);
    const { tokens } = await browser.redeem(await browser.logInWithPin(PETER.userId));
    const payload = JSON.parse(Buffer.from(tokens.id_token.split(".")[1]!, "base64url").toString());
    assert.equal(payload.iss, "https://evil.example/signicat");
    const home = await (await app.request("/")).text();
    assert.match(home, /id="misbehaviour-signicat"/);
    assert.match(home, /id="misbehaviour-digidentity"/);
  });
});
