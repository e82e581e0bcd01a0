import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";

import type { Hono } from "hono";
import { decodeJwt } from "jose";

import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";
import { findPersona } from "../../sandbox/digidentity/personas";

const BASIC = `Basic ${Buffer.from("rmi-portal-demo:sandbox-digidentity-secret").toString("base64")}`;
const DAY = 24 * 60 * 60 * 1000;

let app: Hono;
let clock = Date.now();

beforeEach(async () => {
  clock = Date.now();
  app = await createSandboxApp(parseSandboxConfig({}), { now: () => clock });
});

const post = (path: string, fields: Record<string, string>) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: BASIC },
    body: new URLSearchParams(fields).toString(),
  });

/** A QR login approved as `persona`, redeemed: the access token the backend gets. */
async function qrLogin(persona: string): Promise<string> {
  const start = await app.request(
    "/digidentity/oauth2/authorize.json?client_id=rmi-portal-demo&response_type=code&scope=sandbox0product1+openid+sermi",
  );
  const { data } = (await start.json()) as { data: { id: string; attributes: { qr_code_uri: string } } };
  const qrId = data.attributes.qr_code_uri.split("/").at(-1)!;
  await app.request(`/digidentity/control/qr/${qrId}/approve`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ persona }),
  });
  const tokens = (await (
    await post("/digidentity/oauth2/token", { grant_type: "authorization_code", code: data.id })
  ).json()) as { access_token: string };
  return tokens.access_token;
}

async function applicationToken(): Promise<string> {
  const res = await post("/digidentity/oauth2/token.json", {
    grant_type: "client_credentials",
    scope: "identity_report",
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { access_token: string; expires_in: number; scope: string };
  assert.equal(body.expires_in, 86_400);
  assert.equal(body.scope, "identity_report");
  return body.access_token;
}

const report = (pseudonym: string, token: string) =>
  app.request(`/digidentity/api/v1/identity_reports/${pseudonym}`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe("Digidentity sandbox: identity verification reports", () => {
  it("the access token carries the pseudonym that keys the report", async () => {
    const claims = decodeJwt(await qrLogin("ioe"));
    assert.equal(claims.sub, findPersona("ioe")?.uids.sub);
    assert.match(String(claims.pseudonym), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const res = await report(String(claims.pseudonym), await applicationToken());
    assert.equal(res.status, 200);
    const body = (await res.json()) as { data: { attributes: { personal_details: { surname: string } } } };
    assert.equal(body.data.attributes.personal_details.surname, "Oever");
  });

  it("is kept 30 days after the login, then gone", async () => {
    const pseudonym = String(decodeJwt(await qrLogin("rsse")).pseudonym);
    clock += 29 * DAY;
    assert.equal((await report(pseudonym, await applicationToken())).status, 200);
    clock += 2 * DAY;
    assert.equal((await report(pseudonym, await applicationToken())).status, 404);
  });

  it("refuses without an application token, and has no report for someone who never logged in", async () => {
    const pseudonym = String(decodeJwt(await qrLogin("ioe")).pseudonym);
    assert.equal((await report(pseudonym, "not-a-token")).status, 401);
    const access = await qrLogin("ioe");
    assert.equal(
      (await report(pseudonym, access)).status,
      401,
      "a user's access token is not an application token",
    );
    assert.equal(
      (await report("00000000-0000-0000-0000-000000000000", await applicationToken())).status,
      404,
    );
  });

  it("application tokens expire after a day", async () => {
    const pseudonym = String(decodeJwt(await qrLogin("ioe")).pseudonym);
    const token = await applicationToken();
    clock += DAY + 1000;
    assert.equal((await report(pseudonym, token)).status, 401);
  });
});
