import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import type { Hono } from "hono";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";
import { DOCUMENTED_IOE, DOCUMENTED_RSSE } from "./support/digidentity-uids";
import { basicAuth, formPost, pkcePair } from "./support/sandbox-http";

const BASE = "http://localhost:4000";
const ISSUER = `${BASE}/digidentity`;
const CLIENT_ID = "rmi-portal-demo";
const CLIENT_SECRET = "sandbox-digidentity-secret";
const PRODUCT_SCOPE = "sandbox0product1";
const SCOPE = `${PRODUCT_SCOPE} openid sermi`;
const REDIRECT_URI = "http://localhost:3000/api/auth/callback/digidentity";

/** The sandbox's seed IOE answers exactly the IOE set of Digidentity's API docs. */
const SEED_IOE_SET = DOCUMENTED_IOE;

let app: Hono;
let clock = Date.now();

beforeEach(async () => {
  clock = Date.now();
  app = await createSandboxApp(parseSandboxConfig({}), { now: () => clock });
});

function basic(id = CLIENT_ID, secret = CLIENT_SECRET): string {
  return basicAuth(id, secret);
}

function redeem(code: string, extra: Record<string, string> = {}, authorization = basic()) {
  return app.request(
    "/digidentity/oauth2/token",
    formPost({ grant_type: "authorization_code", code, ...extra }, authorization),
  );
}

async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Runs the browser part of a web login and answers the query of the redirect back to the portal. */
async function webLogin(options: {
  persona?: string;
  challenge?: string;
  nonce?: string;
  state?: string;
}): Promise<URLSearchParams> {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: SCOPE,
    state: options.state ?? "state-123",
    ...(options.nonce ? { nonce: options.nonce } : {}),
    ...(options.challenge ? { code_challenge: options.challenge, code_challenge_method: "S256" } : {}),
  });
  const page = await app.request(`/digidentity/oauth2/authorize?${query}`);
  assert.equal(page.status, 200);
  const htmlText = await page.text();
  assert.match(htmlText, /<title>Log in to Digidentity<\/title>/);
  const tx = /name="tx" value="([^"]+)"/.exec(htmlText)?.[1];
  assert.ok(tx, "the sign-in page carries a transaction id");
  const posted = await app.request(
    "/digidentity/oauth2/authorize",
    formPost({ tx, action: "login", persona: options.persona ?? "ioe", pin: "12345" }),
  );
  assert.equal(posted.status, 303);
  const location = new URL(posted.headers.get("location") ?? "");
  assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
  return location.searchParams;
}

async function startQr(): Promise<{ code: string; qrId: string; qrUri: string }> {
  const response = await app.request(
    `/digidentity/oauth2/authorize.json?${new URLSearchParams({ client_id: CLIENT_ID, scope: SCOPE, response_type: "code" })}`,
  );
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/vnd.api+json");
  const body = (await response.json()) as {
    data: { id: string; type: string; attributes: { type: string; qr_code_uri: string } };
  };
  assert.equal(body.data.type, "passwordless_login_session");
  assert.equal(body.data.attributes.type, "qr_code");
  const qrUri = body.data.attributes.qr_code_uri;
  const qrId = qrUri.slice(`${ISSUER}/app/qr/`.length);
  assert.ok(qrUri.startsWith(`${ISSUER}/app/qr/`));
  assert.ok(!qrUri.includes(body.data.id), "the secret code never appears in the QR");
  return { code: body.data.id, qrId, qrUri };
}

function control(path: string, body?: unknown) {
  return app.request(`/digidentity/control${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? "" : JSON.stringify(body),
  });
}

async function expectTokenError(response: Response, status: number, error: string, description?: string) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("cache-control"), "no-store");
  const body = await jsonOf(response);
  assert.equal(body.error, error);
  if (description !== undefined) assert.equal(body.error_description, description);
}

describe("Digidentity sandbox: metadata", () => {
  it("publishes the discovery document", async () => {
    const response = await app.request("/digidentity/.well-known/openid-configuration");
    assert.equal(response.status, 200);
    const doc = await jsonOf(response);
    assert.equal(doc.issuer, ISSUER);
    assert.equal(doc.authorization_endpoint, `${ISSUER}/oauth2/authorize`);
    assert.equal(doc.token_endpoint, `${ISSUER}/oauth2/token`);
    assert.equal(doc.userinfo_endpoint, `${ISSUER}/user_info.json`);
    assert.equal(doc.jwks_uri, `${ISSUER}/oauth2/jwks`);
    assert.deepEqual(doc.response_types_supported, ["code"]);
    assert.deepEqual(doc.grant_types_supported, ["authorization_code", "client_credentials"]);
    assert.deepEqual(doc.id_token_signing_alg_values_supported, ["RS256"]);
    assert.deepEqual(doc.token_endpoint_auth_methods_supported, ["client_secret_basic"]);
    assert.deepEqual(doc.code_challenge_methods_supported, ["S256"]);
    assert.deepEqual(doc.scopes_supported, ["openid", "sermi"]);
    assert.equal(doc.authorization_response_iss_parameter_supported, true);
  });

  it("publishes one RS256 signing key with its thumbprint as kid", async () => {
    const jwks = (await (await app.request("/digidentity/oauth2/jwks")).json()) as JSONWebKeySet;
    assert.equal(jwks.keys.length, 1);
    const [key] = jwks.keys;
    assert.equal(key?.kty, "RSA");
    assert.equal(key?.use, "sig");
    assert.equal(key?.alg, "RS256");
    assert.match(key?.kid ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.equal(key?.d, undefined, "no private part");
  });

  it("answers health, the home page and unknown routes", async () => {
    assert.deepEqual(await jsonOf(await app.request("/health")), { ok: true });
    const home = await (await app.request("/")).text();
    assert.match(home, /<html lang="en">/);
    assert.match(home, /Sanne Bakker — RSSE, single-use chain authorisation/);
    const missing = await app.request("/digidentity/nope");
    assert.equal(missing.status, 404);
    assert.equal((await jsonOf(missing)).error, "not_found");
  });
});

describe("Digidentity sandbox: web login", () => {
  it("logs in with PKCE and returns a verifiable ID token and the seed's IOE UID set", async () => {
    const { verifier, challenge } = pkcePair();
    const back = await webLogin({ challenge, nonce: "nonce-abc" });
    assert.equal(back.get("state"), "state-123");
    assert.equal(back.get("iss"), ISSUER);
    const code = back.get("code");
    assert.ok(code);

    const response = await redeem(code, { redirect_uri: REDIRECT_URI, code_verifier: verifier });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const tokens = (await response.json()) as Record<string, string | number>;
    assert.equal(tokens.token_type, "Bearer");
    assert.equal(tokens.expires_in, 3600);
    assert.equal(tokens.scope, SCOPE);
    assert.equal(typeof tokens.refresh_token, "string");

    const jwks = (await (await app.request("/digidentity/oauth2/jwks")).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(String(tokens.id_token), createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: CLIENT_ID,
      algorithms: ["RS256"],
    });
    assert.equal(protectedHeader.kid, jwks.keys[0]?.kid);
    assert.equal(payload.nonce, "nonce-abc");
    assert.equal(payload.sub, SEED_IOE_SET.sub);
    assert.deepEqual(payload.amr, ["pin"]);
    assert.equal(typeof payload.auth_time, "number");

    const userInfo = await app.request("/digidentity/user_info.json", {
      headers: { Authorization: `Bearer ${String(tokens.access_token)}` },
    });
    assert.equal(userInfo.status, 200);
    assert.deepEqual(await userInfo.json(), SEED_IOE_SET);
  });

  it("returns both UID sets for an RSSE", async () => {
    const code = (await webLogin({ persona: "rsse" })).get("code") ?? "";
    const tokens = await jsonOf(await redeem(code, { redirect_uri: REDIRECT_URI }));
    const userInfo = await app.request("/digidentity/user_info.json", {
      headers: { Authorization: `Bearer ${String(tokens.access_token)}` },
    });
    assert.deepEqual(await userInfo.json(), DOCUMENTED_RSSE);
  });

  it("shows an error page and does not redirect to a redirect_uri off the allowlist", async () => {
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: "https://evil.example/callback",
      response_type: "code",
      scope: SCOPE,
      state: "s",
    });
    const response = await app.request(`/digidentity/oauth2/authorize?${query}`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("location"), null);
    assert.match(await response.text(), /redirect_uri is not on this client&#39;s allowlist/);
  });

  it("shows an error page for an unknown client", async () => {
    const query = new URLSearchParams({ client_id: "someone-else", redirect_uri: REDIRECT_URI });
    const response = await app.request(`/digidentity/oauth2/authorize?${query}`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("location"), null);
    assert.match(await response.text(), /Unknown client_id/);
  });

  it("redirects invalid_request for a plain PKCE challenge", async () => {
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: SCOPE,
      state: "s1",
      code_challenge: pkcePair().challenge,
      code_challenge_method: "plain",
    });
    const response = await app.request(`/digidentity/oauth2/authorize?${query}`);
    assert.equal(response.status, 302);
    const back = new URL(response.headers.get("location") ?? "").searchParams;
    assert.equal(back.get("error"), "invalid_request");
    assert.equal(back.get("state"), "s1");
    assert.equal(back.get("iss"), ISSUER);
  });

  it("re-renders the page with an alert on a wrong PIN, and redirects access_denied on Cancel", async () => {
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: SCOPE,
      state: "s2",
    });
    const page = await (await app.request(`/digidentity/oauth2/authorize?${query}`)).text();
    const tx = /name="tx" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const wrong = await app.request(
      "/digidentity/oauth2/authorize",
      formPost({ tx, action: "login", persona: "ioe", pin: "54321" }),
    );
    assert.match(await wrong.text(), /role="alert">Wrong PIN\. Try again\.</);
    const cancelled = await app.request("/digidentity/oauth2/authorize", formPost({ tx, action: "cancel" }));
    assert.equal(cancelled.status, 303);
    const back = new URL(cancelled.headers.get("location") ?? "").searchParams;
    assert.equal(back.get("error"), "access_denied");
    assert.equal(back.get("error_description"), "login_cancelled");
    assert.equal(back.get("state"), "s2");
  });

  it("refuses a revoked persona at login", async () => {
    const back = await webLogin({ persona: "revoked" });
    assert.equal(back.get("error"), "access_denied");
    assert.equal(back.get("error_description"), "authorisation_revoked");
    assert.equal(back.get("code"), null);
  });

  it("refuses a code used twice and revokes its access token", async () => {
    const code = (await webLogin({})).get("code") ?? "";
    const first = await jsonOf(await redeem(code, { redirect_uri: REDIRECT_URI }));
    await expectTokenError(await redeem(code, { redirect_uri: REDIRECT_URI }), 400, "invalid_grant");
    const userInfo = await app.request("/digidentity/user_info.json", {
      headers: { Authorization: `Bearer ${String(first.access_token)}` },
    });
    assert.equal(userInfo.status, 401);
  });

  it("refuses a wrong code_verifier", async () => {
    const { challenge } = pkcePair();
    const code = (await webLogin({ challenge })).get("code") ?? "";
    await expectTokenError(
      await redeem(code, { redirect_uri: REDIRECT_URI, code_verifier: pkcePair().verifier }),
      400,
      "invalid_grant",
    );
  });

  it("refuses a redirect_uri that differs from the one at authorize", async () => {
    const code = (await webLogin({})).get("code") ?? "";
    await expectTokenError(
      await redeem(code, { redirect_uri: "http://127.0.0.1:3000/api/auth/callback/digidentity" }),
      400,
      "invalid_grant",
    );
  });

  it("refuses an expired code", async () => {
    const code = (await webLogin({})).get("code") ?? "";
    clock += 61_000;
    await expectTokenError(await redeem(code, { redirect_uri: REDIRECT_URI }), 400, "invalid_grant");
  });

  it("refuses a bad client secret with 401 and WWW-Authenticate", async () => {
    const code = (await webLogin({})).get("code") ?? "";
    const response = await redeem(code, { redirect_uri: REDIRECT_URI }, basic(CLIENT_ID, "wrong"));
    await expectTokenError(response, 401, "invalid_client");
    assert.match(response.headers.get("www-authenticate") ?? "", /^Basic/);
    const noAuth = await app.request(
      "/digidentity/oauth2/token",
      formPost({
        grant_type: "authorization_code",
        code,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    );
    await expectTokenError(noAuth, 401, "invalid_client");
  });

  it("refuses other grant types", async () => {
    const response = await app.request(
      "/digidentity/oauth2/token",
      formPost({ grant_type: "password", username: "ioe", password: "12345" }, basic()),
    );
    await expectTokenError(response, 400, "unsupported_grant_type");
  });

  it("answers userinfo without a token with 401 invalid_token", async () => {
    const response = await app.request("/digidentity/user_info.json");
    assert.equal(response.status, 401);
    assert.equal((await jsonOf(response)).error, "invalid_token");
    assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer/);
  });
});

describe("Digidentity sandbox: passwordless login", () => {
  it("is pending, then approved once, then gone", async () => {
    const { code, qrId } = await startQr();
    await expectTokenError(await redeem(code), 400, "invalid_grant", "login_pending");

    const approved = await control(`/qr/${qrId}/approve`, { persona: "ioe" });
    assert.deepEqual(await approved.json(), { ok: true, status: "approved" });

    const response = await app.request("/digidentity/oauth2/token.json", {
      ...formPost({ grant_type: "authorization_code", code }, basic()),
    });
    assert.equal(response.status, 200);
    const tokens = await jsonOf(response);
    assert.equal(tokens.token_type, "Bearer");
    const userInfo = await app.request("/digidentity/user_info.json", {
      headers: { Authorization: `Bearer ${String(tokens.access_token)}` },
    });
    assert.deepEqual(await userInfo.json(), SEED_IOE_SET);

    await expectTokenError(await redeem(code), 400, "invalid_grant", "session_not_found");
  });

  it("reports a decline", async () => {
    const { code, qrId } = await startQr();
    assert.deepEqual(await (await control(`/qr/${qrId}/decline`)).json(), { ok: true, status: "declined" });
    await expectTokenError(await redeem(code), 400, "invalid_grant", "login_declined");
  });

  it("reports an expired session as session_not_found, and the phone page as expired", async () => {
    const { code, qrId } = await startQr();
    assert.deepEqual(await (await control(`/qr/${qrId}/expire`)).json(), { ok: true, status: "expired" });
    await expectTokenError(await redeem(code), 400, "invalid_grant", "session_not_found");
    const phone = await app.request(`/digidentity/app/qr/${qrId}`);
    assert.equal(phone.status, 410);
    assert.match(await phone.text(), /This QR code has expired/);
  });

  it("expires on its own after the QR lifetime", async () => {
    const { code } = await startQr();
    clock += 121_000;
    await expectTokenError(await redeem(code), 400, "invalid_grant", "session_not_found");
  });

  it("refuses a revoked persona", async () => {
    const { code, qrId } = await startQr();
    const refused = await control(`/qr/${qrId}/approve`, { persona: "revoked" });
    assert.deepEqual(await refused.json(), { ok: true, status: "refused", reason: "authorisation_revoked" });
    await expectTokenError(await redeem(code), 400, "invalid_grant", "authorisation_revoked");
  });

  it("lets a single-use chain authorisation log in once, then refuses it until reset", async () => {
    const first = await startQr();
    await control(`/qr/${first.qrId}/approve`, { persona: "rsse-once" });
    assert.equal((await redeem(first.code)).status, 200);

    const second = await startQr();
    await control(`/qr/${second.qrId}/approve`, { persona: "rsse-once" });
    await expectTokenError(await redeem(second.code), 400, "invalid_grant", "chain_authorisation_used");

    const web = await webLogin({ persona: "rsse-once" });
    assert.equal(web.get("error_description"), "chain_authorisation_used");

    assert.deepEqual(await (await control("/reset")).json(), { ok: true, status: "reset" });
    const third = await startQr();
    await control(`/qr/${third.qrId}/approve`, { persona: "rsse-once" });
    assert.equal((await redeem(third.code)).status, 200);
  });

  it("approves on the phone page with the PIN", async () => {
    const { code, qrId } = await startQr();
    const phone = await app.request(`/digidentity/app/qr/${qrId}`);
    const phoneHtml = await phone.text();
    assert.match(phoneHtml, /<h1>Digidentity app \(sandbox\)<\/h1>/);
    assert.match(phoneHtml, /<label for="pin">PIN<\/label>/);

    const wrong = await app.request(
      `/digidentity/app/qr/${qrId}`,
      formPost({ action: "approve", persona: "rsse", pin: "1234" }),
    );
    assert.match(await wrong.text(), /role="alert">Wrong PIN\. Try again\.</);

    const ok = await app.request(
      `/digidentity/app/qr/${qrId}`,
      formPost({ action: "approve", persona: "rsse", pin: "12345" }),
    );
    const okHtml = await ok.text();
    assert.match(okHtml, /<h1>Login approved<\/h1>/);
    assert.match(okHtml, /You can return to your computer\./);
    assert.equal((await redeem(code)).status, 200);

    const again = await app.request(`/digidentity/app/qr/${qrId}`, formPost({ action: "decline" }));
    assert.equal(again.status, 409);
    const revisit = await (await app.request(`/digidentity/app/qr/${qrId}`)).text();
    assert.match(revisit, /<h1>Already answered<\/h1>/);
  });

  it("shows the refusal in plain words on the phone", async () => {
    const { qrId } = await startQr();
    const response = await app.request(
      `/digidentity/app/qr/${qrId}`,
      formPost({ action: "approve", persona: "revoked", pin: "12345" }),
    );
    const text = await response.text();
    assert.match(text, /<h1>Login refused<\/h1>/);
    assert.match(text, /Your SERMI authorisation has been revoked by the conformity assessment body\./);
  });

  it("answers an unknown QR id with 404 and unknown control ids with 404 JSON", async () => {
    const response = await app.request("/digidentity/app/qr/AAAAAAAAAAAAAAAAAAAAAA");
    assert.equal(response.status, 404);
    const controlResponse = await control("/qr/AAAAAAAAAAAAAAAAAAAAAA/approve", { persona: "ioe" });
    assert.equal(controlResponse.status, 404);
    assert.equal((await jsonOf(controlResponse)).error, "not_found");
  });

  it("refuses an unknown client with 401 and bad parameters with 400", async () => {
    const unknown = await app.request(
      `/digidentity/oauth2/authorize.json?${new URLSearchParams({ client_id: "x", scope: SCOPE, response_type: "code" })}`,
    );
    await expectTokenError(unknown, 401, "invalid_client");
    const bad = await app.request(
      `/digidentity/oauth2/authorize.json?${new URLSearchParams({ client_id: CLIENT_ID, scope: "sermi", response_type: "code" })}`,
    );
    await expectTokenError(bad, 400, "invalid_request");
  });
});
