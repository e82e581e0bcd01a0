import assert from "node:assert/strict";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { beforeEach, describe, it } from "node:test";
import type { Hono } from "hono";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

const BASIC = `Basic ${Buffer.from("rmi-portal-idura:sandbox-idura-secret").toString("base64")}`;
const REDIRECT = "http://localhost:3000/api/auth/callback/idura";
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
    const started = await form("/headless/authorize", { scope: "openid" });
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
