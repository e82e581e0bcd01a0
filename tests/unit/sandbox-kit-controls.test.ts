import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import type { Hono } from "hono";
import { decodeJwt } from "jose";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

/** The control endpoints the test kit answers logins with, in place of a second device. */
let app: Hono;

beforeEach(async () => {
  app = await createSandboxApp(parseSandboxConfig({}));
});

function json(path: string, body: unknown = {}) {
  return app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

const IDURA_BASIC = `Basic ${Buffer.from("rmi-portal-idura:sandbox-idura-secret").toString("base64")}`;

function iduraForm(path: string, fields: Record<string, string>) {
  return app.request(`/idura${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: IDURA_BASIC },
    body: new URLSearchParams(fields).toString(),
  });
}

async function startIdToken(tokenId: string) {
  const res = await json("/idtoken/auth/initiate", {
    tokenId,
    serviceId: "rmi-portal-demo",
    scopes: ["identity:basic", "identity:age_over_18"],
  });
  assert.equal(res.status, 200);
  return (await res.json()) as { sessionId: string; autoPassword: string };
}

describe("IDToken control: answer as the phone", () => {
  it("approves the token's latest request with only the scopes named", async () => {
    await startIdToken("IDT-ANNA-KOWALSKA");
    const approved = await json("/idtoken/control/tokens/IDT-ANNA-KOWALSKA/approve", {
      scopes: ["identity:name"],
    });
    assert.equal(approved.status, 200);
    assert.deepEqual(await approved.json(), { ok: true, status: "approved" });
    // Answered once: nothing is pending any more.
    const again = await json("/idtoken/control/tokens/IDT-ANNA-KOWALSKA/approve");
    assert.equal(again.status, 404);
  });

  it("rejects; refuses scopes that were not asked for and bodies that are not the schema", async () => {
    await startIdToken("IDT-ANNA-KOWALSKA");
    const beyond = await json("/idtoken/control/tokens/IDT-ANNA-KOWALSKA/approve", {
      scopes: ["identity:document"],
    });
    assert.equal(beyond.status, 400);
    assert.equal(((await beyond.json()) as { error: string }).error, "invalid_scope");
    const bad = await json("/idtoken/control/tokens/IDT-ANNA-KOWALSKA/approve", { pin: "12345" });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: string }).error, "invalid_request");
    const rejected = await json("/idtoken/control/tokens/IDT-ANNA-KOWALSKA/reject");
    assert.deepEqual(await rejected.json(), { ok: true, status: "rejected" });
  });

  it("answers the request showing the one-time code named, when several wait", async () => {
    const first = await startIdToken("IDT-SOFIA-ROSSI");
    const second = await startIdToken("IDT-SOFIA-ROSSI");
    const wrong = String((Number(first.autoPassword) + 1) % 1_000_000).padStart(6, "0");
    if (wrong !== second.autoPassword) {
      const missing = await json("/idtoken/control/tokens/IDT-SOFIA-ROSSI/approve", { otp: wrong });
      assert.equal(missing.status, 404);
    }
    const approved = await json("/idtoken/control/tokens/IDT-SOFIA-ROSSI/approve", {
      otp: first.autoPassword,
    });
    assert.equal(approved.status, 200);
    // The later request still waits: it is what the token's latest-request answer reaches.
    assert.equal((await json("/idtoken/control/tokens/IDT-SOFIA-ROSSI/reject")).status, 200);
    assert.equal((await json("/idtoken/control/tokens/IDT-SOFIA-ROSSI/reject")).status, 404);
  });

  it("resets one token's sessions and leaves the others", async () => {
    await startIdToken("IDT-ANNA-KOWALSKA");
    await startIdToken("IDT-MARIE-DUPONT");
    assert.equal((await json("/idtoken/control/reset", { token_id: "IDT-MARIE-DUPONT" })).status, 200);
    assert.equal((await json("/idtoken/control/tokens/IDT-MARIE-DUPONT/reject")).status, 404);
    assert.equal((await json("/idtoken/control/tokens/IDT-ANNA-KOWALSKA/reject")).status, 200);
    assert.equal((await json("/idtoken/control/reset", { token_id: "" })).status, 400);
  });
});

describe("Idura control: the BankID app without a phone", () => {
  async function startHeadless() {
    const res = await iduraForm("/headless/authorize", { scope: "openid" });
    return (await res.json()) as { headless_req_id: string; acr_data: { qrData: string } };
  }
  const poll = (id: string) =>
    iduraForm("/oauth2/token", { grant_type: "urn:grn:params:grant-type:headless", headless_req_id: id });

  it("scan shows userSign; approve as a persona ends in that persona's ID token", async () => {
    const started = await startHeadless();
    const qr_data = started.acr_data.qrData;
    assert.equal((await json("/idura/control/headless/scan", { qr_data })).status, 200);
    const scanned = (await (await poll(started.headless_req_id)).json()) as {
      acr_data: { hintCode: string };
    };
    assert.equal(scanned.acr_data.hintCode, "userSign");
    assert.equal((await json("/idura/control/headless/approve", { qr_data, persona: "astrid" })).status, 200);
    const tokens = (await (await poll(started.headless_req_id)).json()) as { id_token: string };
    assert.equal(decodeJwt(tokens.id_token).name, "Astrid Lindqvist");
  });

  it("refuses a persona of another eID, an unknown QR code and a request that has ended", async () => {
    const started = await startHeadless();
    const qr_data = started.acr_data.qrData;
    assert.equal((await json("/idura/control/headless/approve", { qr_data, persona: "karen" })).status, 400);
    const unknown = `bankid.${crypto.randomUUID()}.0.${"0".repeat(64)}`;
    assert.equal((await json("/idura/control/headless/approve", { qr_data: unknown })).status, 404);
    assert.equal((await json("/idura/control/headless/approve", { qrData: qr_data })).status, 400);
    assert.equal((await json("/idura/control/headless/cancel", { qr_data })).status, 200);
    const cancelled = (await (await poll(started.headless_req_id)).json()) as { error: string };
    assert.equal(cancelled.error, "access_denied");
    assert.equal((await json("/idura/control/headless/approve", { qr_data })).status, 404);
  });
});
