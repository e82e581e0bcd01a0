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
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

const ISSUER = "http://localhost:4000/signicat/auth/open";
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

function formPost(fields: Record<string, string>, authorization?: string): RequestInit {
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  };
}

/** A request object as the portal makes one: signed with the client secret, encrypted to the enc key. */
async function requestObject(app: Hono, loginHint: string[], secret = CLIENT_SECRET): Promise<string> {
  const jwks = (await (
    await app.request(`/signicat/auth/open/.well-known/openid-configuration/jwks`)
  ).json()) as {
    keys: JWK[];
  };
  const enc = jwks.keys.find((k) => k.use === "enc");
  assert.ok(enc);
  const signed = await new SignJWT({ client_id: CLIENT_ID, login_hint: loginHint })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(CLIENT_ID)
    .setAudience(ISSUER)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(secret));
  return new CompactEncrypt(new TextEncoder().encode(signed))
    .setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256GCM", cty: "JWT", kid: enc.kid })
    .encrypt(await importJWK(enc, "RSA-OAEP-256"));
}

/** Drives the MitID screens like a browser: one form post per step, the transaction id from the page. */
class Browser {
  tx = "";
  verifier = randomBytes(32).toString("base64url");
  constructor(
    readonly app: Hono,
    readonly client = { id: CLIENT_ID, secret: CLIENT_SECRET },
  ) {}

  async authorize(params: Record<string, string>): Promise<Response> {
    const query = new URLSearchParams({
      client_id: this.client.id,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: "openid profile idp-id mitid-extra",
      state: "s1",
      nonce: "n1",
      code_challenge: createHash("sha256").update(this.verifier).digest("base64url"),
      code_challenge_method: "S256",
      ...params,
    });
    return this.page(await this.app.request(`/signicat/auth/open/connect/authorize?${query}`));
  }

  async step(step: string, fields: Record<string, string>): Promise<Response> {
    return this.page(
      await this.app.request(
        "/signicat/auth/open/connect/authorize",
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
      "/signicat/auth/open/connect/token",
      formPost(
        { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: this.verifier },
        `Basic ${Buffer.from(`${this.client.id}:${this.client.secret}`).toString("base64")}`,
      ),
    );
    assert.equal(token.status, 200);
    const tokens = (await token.json()) as { access_token: string; id_token: string };
    const userinfo = await this.app.request("/signicat/auth/open/connect/userinfo", {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    return { tokens, claims: (await userinfo.json()) as Record<string, string> };
  }
}

function errorOf(res: Response): string | null {
  assert.equal(res.status, 303);
  return new URL(res.headers.get("location")!).searchParams.get("error_description");
}

describe("Signicat sandbox", () => {
  it("publishes discovery with request-object support and a JWKS with a signing and an encryption key", async () => {
    const { app } = await sandbox();
    const discovery = (await (
      await app.request("/signicat/auth/open/.well-known/openid-configuration")
    ).json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, ISSUER);
    assert.equal(discovery.authorization_endpoint, `${ISSUER}/connect/authorize`);
    assert.deepEqual(discovery.request_object_encryption_alg_values_supported, ["RSA-OAEP-256"]);
    const jwks = (await (
      await app.request("/signicat/auth/open/.well-known/openid-configuration/jwks")
    ).json()) as {
      keys: JWK[];
    };
    assert.deepEqual(jwks.keys.map((k) => k.use).sort(), ["enc", "sig"]);
  });

  it("matches a CPR prefilled in an encrypted request object with no prompt, and names the claims as Signicat does", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({
      scope: "openid profile idp-id nin mitid-extra",
      request: await requestObject(app, [`subject-${PETER.cpr}`]),
    });
    const { tokens, claims } = await browser.redeem(await browser.logInWithPin(PETER.userId));
    assert.equal(claims.nin, PETER.cpr);
    assert.equal(claims.nin_type, "PERSON");
    assert.equal(claims.nin_issuing_country, "DK");
    assert.equal(claims.mitid_cpr_source, "prefilled");
    assert.equal(claims.mitid_has_cpr, "true");
    assert.equal(claims.mitid_loa, "SUBSTANTIAL");
    assert.match(claims.auth_token_id!, /^mitid:[0-9a-f-]{36}$/);

    const jwks = (await (
      await app.request("/signicat/auth/open/.well-known/openid-configuration/jwks")
    ).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: CLIENT_ID,
    });
    assert.equal(payload.sub, claims.sub);
    assert.equal(payload.nonce, "n1");
  });

  it("ignores a CPR in a plain URL login_hint and prompts for it", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({ scope: "openid nin mitid-extra", login_hint: `subject-${PETER.cpr}` });
    const res = await browser.logInWithPin(PETER.userId);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Confirm your CPR number/);
  });

  it("refuses a request object not signed by the client", async () => {
    const { app } = await sandbox();
    const res = await new Browser(app).authorize({
      request: await requestObject(app, [`subject-${PETER.cpr}`], "someone-elses-secret"),
    });
    assert.equal(new URL(res.headers.get("location")!).searchParams.get("error"), "invalid_request_object");
  });

  it("ends the login after three CPR misses", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({ scope: "openid nin mitid-extra" });
    await browser.logInWithPin(PETER.userId);
    const first = await browser.step("cpr", { action: "continue", cpr: "0101010000" });
    assert.match(await first.text(), /You have 2 attempts left/);
    await browser.step("cpr", { action: "continue", cpr: "0101010000" });
    const third = await browser.step("cpr", { action: "continue", cpr: "0101010000" });
    assert.equal(errorOf(third), "urn:signicat:error:CPR_MATCH_FAILED_ERROR");
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

  it("steps up with auth_token_id to a higher level, and refuses one that is not higher", async () => {
    const { app } = await sandbox();
    const browser = new Browser(app);
    await browser.authorize({});
    const { claims } = await browser.redeem(await browser.logInWithPin(PETER.userId));
    const authTokenId = claims.auth_token_id!;

    const refused = new Browser(app);
    const sameLevel = await refused.authorize({
      request: await requestObject(app, [`authTokenId-${authTokenId}`, "assuranceLevel-SUBSTANTIAL"]),
    });
    assert.equal(errorOf(sameLevel), "urn:signicat:error:STEP_UP_REFUSED_ERROR");

    const stepUp = new Browser(app);
    const screen = await stepUp.authorize({
      request: await requestObject(app, [
        `authTokenId-${authTokenId}`,
        "assuranceLevel-HIGH",
        "assuranceMethod-LOA",
      ]),
    });
    const html = await screen.text();
    assert.doesNotMatch(html, /User ID/);
    assert.doesNotMatch(html, /MitID code display/);
    await stepUp.step("method", { action: "app" });
    const done = await stepUp.step("app", { action: "biometrics" });
    const high = await stepUp.redeem(done);
    assert.equal(high.claims.mitid_loa, "HIGH");
    assert.equal(high.claims.mitid_uuid, claims.mitid_uuid);
  });

  it("restricts Private for Business to a prefilled CVR, and refuses one without signatory rights", async () => {
    const { app } = await sandbox();
    const ok = new Browser(app);
    await ok.authorize({ scope: "openid mitid-extra signicat.organization", login_hint: "cvr-23456789" });
    const pick = await ok.logInWithPin("helle.jensen");
    const html = await pick.text();
    assert.match(html, /Jensen Services/);
    assert.doesNotMatch(html, /Jensen Holding/);
    const { claims } = await ok.redeem(await ok.step("pick", { action: "continue", choice: "23456789" }));
    assert.equal(claims["signicat.organization.number"], "23456789");
    assert.equal(claims["signicat.organization.name"], "Jensen Services");

    const refused = new Browser(app);
    await refused.authorize({
      scope: "openid mitid-extra signicat.organization",
      login_hint: "cvr-11111111",
    });
    assert.equal(
      errorOf(await refused.logInWithPin("helle.jensen")),
      "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR",
    );
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

    const lab = new Browser(app, LAB);
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
    const bad = new Browser(app, LAB);
    await bad.authorize({});
    const { tokens } = await bad.redeem(await bad.logInWithPin(PETER.userId));
    await assert.rejects(verify(tokens.id_token, LAB.id), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });

    await misbehave("rotated_key");
    const sigKeys = (await jwks()).keys.filter((k) => k.use === "sig");
    assert.equal(sigKeys.length, 2);
    const rotated = new Browser(app, LAB);
    await rotated.authorize({});
    const again = await rotated.redeem(await rotated.logInWithPin(PETER.userId));
    const { protectedHeader } = await verify(again.tokens.id_token, LAB.id);
    assert.equal(protectedHeader.kid, sigKeys[1]!.kid);
  });

  it("bends the authorization response, userinfo and the token endpoint", async () => {
    const { app, misbehave } = await labSandbox();
    await misbehave("missing_state");
    const noState = new Browser(app, LAB);
    await noState.authorize({});
    const back = new URL((await noState.logInWithPin(PETER.userId)).headers.get("location")!);
    assert.ok(back.searchParams.get("code"));
    assert.equal(back.searchParams.has("state"), false);
    assert.equal(back.searchParams.get("iss"), ISSUER);

    await misbehave("wrong_response_iss");
    const mixUp = new Browser(app, LAB);
    await mixUp.authorize({});
    const forged = new URL((await mixUp.logInWithPin(PETER.userId)).headers.get("location")!);
    assert.equal(forged.searchParams.get("state"), "s1");
    assert.equal(forged.searchParams.get("iss"), "https://evil.example/signicat");

    await misbehave("access_denied");
    const denied = new Browser(app, LAB);
    await denied.authorize({});
    const refused = new URL((await denied.logInWithPin(PETER.userId)).headers.get("location")!);
    assert.equal(refused.searchParams.get("error"), "access_denied");
    assert.equal(refused.searchParams.has("code"), false);

    await misbehave("userinfo_sub_mismatch");
    const other = new Browser(app, LAB);
    await other.authorize({});
    const { tokens, claims } = await other.redeem(await other.logInWithPin(PETER.userId));
    const idTokenSub = JSON.parse(Buffer.from(tokens.id_token.split(".")[1]!, "base64url").toString()).sub;
    assert.notEqual(claims.sub, idTokenSub);

    await misbehave("garbage");
    const garbage = new Browser(app, LAB);
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
    const browser = new Browser(app, LAB);
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
