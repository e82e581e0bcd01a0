import assert from "node:assert/strict";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { beforeEach, describe, it } from "node:test";
import type { Hono } from "hono";
import { decodeJwt } from "jose";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

const BASIC = `Basic ${Buffer.from("rmi-portal-idura:sandbox-idura-secret").toString("base64")}`;
const REDIRECT = "http://localhost:3000/api/auth/callback/idura";
const SE_PHONE_AUTH = JSON.stringify([{ type: "phoneAuth", callInitiator: "RP" }]);
let app: Hono;
let clock = Date.now();

beforeEach(async () => {
  clock = Date.now();
  app = await createSandboxApp(parseSandboxConfig({}), { now: () => clock });
});

function form(path: string, fields: Record<string, string>) {
  return app.request(`/idura${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: BASIC },
    body: new URLSearchParams(fields).toString(),
  });
}

function authorizeUrl(extra: Record<string, string>) {
  const q = new URLSearchParams({
    client_id: "rmi-portal-idura",
    redirect_uri: REDIRECT,
    response_type: "code",
    scope: "openid",
    acr_values: "urn:grn:authn:dk:mitid:substantial",
    state: "s",
    ...extra,
  });
  return `/idura/oauth2/authorize?${q}`;
}

describe("Idura sandbox", () => {
  it("requires PKCE S256 and refuses the implicit flow", async () => {
    const noPkce = await app.request(authorizeUrl({}));
    assert.equal(noPkce.status, 303);
    assert.match(noPkce.headers.get("location") ?? "", /error=invalid_request/);
    const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
    const implicit = await app.request(
      authorizeUrl({ response_type: "id_token", code_challenge: challenge, code_challenge_method: "S256" }),
    );
    assert.match(implicit.headers.get("location") ?? "", /error=unsupported_response_type/);
    const ok = await app.request(authorizeUrl({ code_challenge: challenge, code_challenge_method: "S256" }));
    assert.equal(ok.status, 200);
  });

  it("CIBA: pending, slow_down when polled sooner than interval, then expired", async () => {
    const started = await form("/ciba/bc-authorize", {
      scope: "openid",
      login_hint: "sub:ssn:199004152381",
      acr_values: "urn:grn:authn:se:bankid",
      binding_message: "RMI-1234",
      authorization_details: SE_PHONE_AUTH,
    });
    const { auth_req_id, interval } = (await started.json()) as { auth_req_id: string; interval: number };
    assert.equal(interval, 5);
    const poll = async () =>
      (
        (await (
          await form("/oauth2/token", { grant_type: "urn:openid:params:grant-type:ciba", auth_req_id })
        ).json()) as {
          error: string;
        }
      ).error;
    assert.equal(await poll(), "authorization_pending");
    assert.equal(await poll(), "slow_down");
    clock += 6_000;
    assert.equal(await poll(), "authorization_pending");
    clock += 121_000;
    assert.equal(await poll(), "expired_token");
  });

  it("headless: a fresh QR code each second, HMAC-SHA256 of t under the secret", async () => {
    const started = await form("/headless/authorize", {
      scope: "openid",
      acr_values: "urn:grn:authn:se:bankid",
    });
    const body = (await started.json()) as { headless_req_id: string; acr_data: { qrData: string } };
    assert.match(body.acr_data.qrData, /^bankid\.[0-9a-f-]{36}\.0\.[0-9a-f]{64}$/);
    clock += 1_000;
    const pending = await form("/oauth2/token", {
      grant_type: "urn:grn:params:grant-type:headless",
      headless_req_id: body.headless_req_id,
    });
    const next = (await pending.json()) as { error: string; acr_data: { qrData: string; hintCode: string } };
    assert.equal(next.error, "authorization_pending");
    assert.match(next.acr_data.qrData, /\.1\.[0-9a-f]{64}$/);
    assert.equal(next.acr_data.hintCode, "outstandingTransaction");
    // A forged code for the same token (any secret but the right one) is not accepted.
    const [, token] = next.acr_data.qrData.split(".");
    const forged = `bankid.${token}.1.${createHmac("sha256", "guess").update("1").digest("hex")}`;
    const scan = await app.request("/idura/app/bankid", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ qr: forged }).toString(),
    });
    assert.equal(scan.status, 400);
  });
});

describe("Idura sandbox: BankID opened on this device", () => {
  it("the app link's autostart token opens the waiting order, named by the service's name", async () => {
    const started = await form("/headless/authorize", {
      scope: "openid",
      acr_values: "urn:grn:authn:se:bankid",
    });
    const body = (await started.json()) as { headless_req_id: string; acr_data: { autoStartToken: string } };
    const page = await app.request(
      `/idura/app/bankid?autostarttoken=${body.acr_data.autoStartToken}&redirect=null`,
    );
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Example Motors RMI portal asks you to identify yourself with BankID\./);
    assert.doesNotMatch(html, /rmi-portal-idura/);
    // Once opened it is no longer waiting: the same link again finds nothing.
    const again = await app.request(`/idura/app/bankid?autostarttoken=${body.acr_data.autoStartToken}`);
    assert.equal(again.status, 400);
  });

  it("an unknown or malformed token is refused with a page", async () => {
    for (const token of [crypto.randomUUID(), "not-a-uuid"]) {
      const page = await app.request(`/idura/app/bankid?autostarttoken=${token}`);
      assert.equal(page.status, 400);
      assert.match(await page.text(), /has ended or was never started/);
    }
  });
});

describe("Idura sandbox: the BankID app's window for an animated QR code", () => {
  const scan = (qr: string) =>
    app.request("/idura/app/bankid", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ qr }).toString(),
    });
  const firstCode = async () => {
    const started = await form("/headless/authorize", {
      scope: "openid",
      acr_values: "urn:grn:authn:se:bankid",
    });
    return ((await started.json()) as { acr_data: { qrData: string } }).acr_data.qrData;
  };

  it("takes a code up to SANDBOX_IDURA_QR_MAX_AGE_SECONDS (30 s) old, and refuses an older one as too old", async () => {
    const young = await firstCode();
    clock += 29_000;
    assert.equal((await scan(young)).status, 200);
    const old = await firstCode();
    clock += 33_000;
    const refused = await scan(old);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /too old/);
  });

  it("the window is configurable", async () => {
    app = await createSandboxApp(parseSandboxConfig({ SANDBOX_IDURA_QR_MAX_AGE_SECONDS: "5" }), {
      now: () => clock,
    });
    const code = await firstCode();
    clock += 7_000;
    assert.equal((await scan(code)).status, 400);
  });
});

describe("Idura sandbox misbehaviour", () => {
  const LAB = { id: "rmi-portal-idura-lab", secret: "sandbox-idura-lab-secret" };
  const LAB_BASIC = `Basic ${Buffer.from(`${LAB.id}:${LAB.secret}`).toString("base64")}`;

  async function labSandbox() {
    const lab = await createSandboxApp(
      parseSandboxConfig({ SANDBOX_IDURA_EXTRA_CLIENTS: `${LAB.id}:${LAB.secret}` }),
    );
    const post = (path: string, body: string, type: string, authorization?: string) =>
      lab.request(`/idura${path}`, {
        method: "POST",
        headers: { "Content-Type": type, ...(authorization ? { Authorization: authorization } : {}) },
        body,
      });
    const misbehave = (mode: string, clientId = LAB.id) =>
      post("/control/misbehaviour", JSON.stringify({ client_id: clientId, mode }), "application/json");
    /** A CIBA request approved at once; answers the token endpoint's ID token. */
    const cibaIdToken = async (authorization: string, bindingMessage: string) => {
      const fields = {
        scope: "openid",
        login_hint: "sub:ssn:199004152381",
        acr_values: "urn:grn:authn:se:bankid",
        binding_message: bindingMessage,
        authorization_details: SE_PHONE_AUTH,
      };
      const type = "application/x-www-form-urlencoded";
      const started = await post(
        "/ciba/bc-authorize",
        new URLSearchParams(fields).toString(),
        type,
        authorization,
      );
      const { auth_req_id } = (await started.json()) as { auth_req_id: string };
      await post(
        "/control/ciba/approve",
        JSON.stringify({ binding_message: bindingMessage }),
        "application/json",
      );
      const grant = new URLSearchParams({ grant_type: "urn:openid:params:grant-type:ciba", auth_req_id });
      const tokens = await post("/oauth2/token", grant.toString(), type, authorization);
      return ((await tokens.json()) as { id_token: string }).id_token;
    };
    return { lab, misbehave, cibaIdToken };
  }

  it("bends CIBA's ID token for the misbehaving client only: the same issuing function as the web login", async () => {
    const { misbehave, cibaIdToken } = await labSandbox();
    assert.equal((await misbehave("wrong_session")).status, 400);
    assert.equal((await misbehave("expired")).status, 200);
    const bent = decodeJwt(await cibaIdToken(LAB_BASIC, "RMI-1111"));
    assert.ok(bent.exp! < Date.now() / 1000);
    assert.equal(bent.aud, LAB.id);
    // No nonce was sent, so none is invented.
    assert.equal((await misbehave("wrong_nonce")).status, 200);
    assert.equal(decodeJwt(await cibaIdToken(LAB_BASIC, "RMI-2222")).nonce, undefined);
    const right = decodeJwt(await cibaIdToken(BASIC, "RMI-3333"));
    assert.ok(right.exp! > Date.now() / 1000);
  });

  it("records what it hands out, and serves a discovery document naming another issuer at /misissued", async () => {
    const { lab, cibaIdToken } = await labSandbox();
    const idToken = await cibaIdToken(LAB_BASIC, "RMI-4444");
    const { issued } = (await (await lab.request("/idura/control/issued")).json()) as {
      issued: { kind: string; value: string }[];
    };
    assert.ok(issued.some((i) => i.kind === "id_token" && i.value === idToken));
    assert.ok(issued.some((i) => i.kind === "ciba_request_id"));
    const misissued = (await (
      await lab.request("/idura/misissued/.well-known/openid-configuration")
    ).json()) as { issuer: string };
    assert.equal(misissued.issuer, "http://localhost:4000/idura");
    assert.match(await (await lab.request("/")).text(), /id="mode-\/idura-rmi-portal-idura-lab"/);
  });
});
