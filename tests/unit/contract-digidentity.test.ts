/**
 * Contract tests: the portal's Digidentity adapters fed the answers Digidentity's public docs and
 * public client code show (tests/unit/fixtures/digidentity/, each naming its source), and the
 * sandbox's answers checked to have the same shape, so the sandbox cannot drift from them.
 * docs/providers/digidentity.md lists the facts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { beforeEach, describe, it } from "node:test";

import type { Hono } from "hono";

import { parseConfig } from "../../lib/config-schema";
import { sermiIdentityFromUserInfo } from "../../lib/providers/digidentity/identity";
import {
  outcomeOfTokenError,
  outcomeOfTokenResponse,
  readPasswordlessSession,
} from "../../lib/providers/digidentity/passwordless";
import { createSandboxApp } from "../../sandbox/app";
import { REPORT_SCOPE } from "../../sandbox/digidentity/reports";
import { parseSandboxConfig } from "../../sandbox/config";
import { DOCUMENTED_IOE, DOCUMENTED_RSSE } from "./support/digidentity-uids";

type Fixture = { _source: string; status?: number; body: Record<string, unknown> };

function fixture(name: string): Fixture {
  const parsed = JSON.parse(
    readFileSync(new URL(`./fixtures/digidentity/${name}.json`, import.meta.url), "utf8"),
  ) as Fixture;
  assert.ok(parsed._source.length > 10, `${name} names its source`);
  return parsed;
}

function response(f: Fixture): Response {
  return new Response(JSON.stringify(f.body), {
    status: f.status ?? 200,
    headers: { "content-type": "application/json" },
  });
}

const AS = { issuer: "https://auth.digidentity-preproduction.eu", token_endpoint: "https://x/oauth2/token" };
const CLIENT = { client_id: "example-client" };

/** The shape of a JSON value: its keys, recursively, and the type of each leaf. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== "object") return typeof value;
  if (Array.isArray(value)) return value.map(shape);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, shape(v)]),
  );
}

describe("Digidentity contract: the portal reads the recorded answers", () => {
  it("authorize.json: the code and the QR URI, exactly as the public client checks them", () => {
    const session = readPasswordlessSession(fixture("passwordless-session").body);
    assert.deepEqual(session, {
      code: "example-authorisation-code",
      qrCodeUri: "https://auth.digidentity-preproduction.eu/example-qr",
    });
    const wrongType = structuredClone(fixture("passwordless-session").body) as {
      data: { type: string };
    };
    wrongType.data.type = "something_else";
    assert.throws(() => readPasswordlessSession(wrongType), /malformed/);
  });

  it("token poll: login_pending is pending, session_not_found is expired, whatever the error", async () => {
    assert.deepEqual(await outcomeOfTokenResponse(AS, CLIENT, response(fixture("token-pending"))), {
      status: "pending",
      slowDown: false,
    });
    assert.deepEqual(await outcomeOfTokenResponse(AS, CLIENT, response(fixture("token-session-not-found"))), {
      status: "expired",
    });
    assert.deepEqual(outcomeOfTokenError("authorization_pending", "login_pending"), {
      status: "pending",
      slowDown: false,
    });
  });

  it("token poll: the documented token answer (no ID token) is an approval", async () => {
    const outcome = await outcomeOfTokenResponse(AS, CLIENT, response(fixture("token-success")));
    assert.equal(outcome.status, "approved");
    assert.ok(outcome.status === "approved" && outcome.state.phase === "approved");
    assert.equal(outcome.state.accessToken, "example-access-token");
    assert.equal(outcome.state.idToken, undefined);
  });

  it("token poll: slow_down (RFC 8628 shape) keeps the login pending and slows it", async () => {
    assert.deepEqual(await outcomeOfTokenResponse(AS, CLIENT, response(fixture("token-slow-down"))), {
      status: "pending",
      slowDown: true,
    });
  });

  it("token poll: the refusal codes of the provider's table, and an unknown code is an error", async () => {
    assert.deepEqual(outcomeOfTokenError("invalid_grant", "login_declined"), { status: "declined" });
    assert.deepEqual(outcomeOfTokenError("access_denied", "authorisation_revoked"), {
      status: "refused",
      reason: "authorisation_revoked",
    });
    assert.deepEqual(outcomeOfTokenError("invalid_grant", "chain_authorisation_used"), {
      status: "refused",
      reason: "chain_authorisation_used",
    });
    const unknown = new Response(JSON.stringify({ error: "invalid_grant", error_description: "huh" }), {
      status: 400,
      headers: { "content-type": "application/json" },
    });
    await assert.rejects(outcomeOfTokenResponse(AS, CLIENT, unknown), /token endpoint answered 400/);
  });

  it("user_info.json: the IOE and RSSE sets of the API docs", () => {
    const ioe = sermiIdentityFromUserInfo(fixture("userinfo-ioe").body, "digidentity");
    assert.equal(ioe.role, "IOE");
    assert.equal(ioe.subject, DOCUMENTED_IOE.sub);
    const rsse = sermiIdentityFromUserInfo(fixture("userinfo-rsse").body, "digidentity-qr");
    assert.equal(rsse.role, "RSSE");
    assert.deepEqual(rsse.rsse, { rssuid: DOCUMENTED_RSSE.rssuid, rsseuid: DOCUMENTED_RSSE.rsseuid });
  });
});

describe("Digidentity contract: the sandbox answers in the recorded shapes", () => {
  const CLIENT_ID = "rmi-portal-demo";
  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:sandbox-digidentity-secret`).toString("base64")}`;
  let app: Hono;

  beforeEach(async () => {
    app = await createSandboxApp(parseSandboxConfig({}), { now: () => Date.now() });
  });

  async function startQr() {
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      scope: "sandbox0product1 openid sermi",
      response_type: "code",
    });
    const res = await app.request(`/digidentity/oauth2/authorize.json?${query}`);
    assert.equal(res.status, 200);
    return (await res.json()) as { data: { id: string; attributes: { qr_code_uri: string } } };
  }

  const poll = (code: string) =>
    app.request("/digidentity/oauth2/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic },
      body: new URLSearchParams({ grant_type: "authorization_code", code }).toString(),
    });

  async function approve(qrUri: string) {
    const qrId = qrUri.split("/").pop()!;
    const res = await app.request(`/digidentity/control/qr/${qrId}/approve`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "ioe" }),
    });
    assert.equal(res.status, 200);
  }

  it("authorize.json has the recorded shape", async () => {
    assert.deepEqual(shape(await startQr()), shape(fixture("passwordless-session").body));
  });

  it("pending and expired answers carry the recorded error_description", async () => {
    const started = await startQr();
    const pending = await poll(started.data.id);
    assert.equal(pending.status, fixture("token-pending").status);
    const body = (await pending.json()) as Record<string, unknown>;
    assert.deepEqual(shape(body), shape(fixture("token-pending").body));
    assert.equal(body.error_description, "login_pending");
    const gone = await poll("no-such-code");
    assert.equal(gone.status, 400);
    assert.equal(((await gone.json()) as Record<string, unknown>).error_description, "session_not_found");
  });

  it("the token answer has the recorded members, plus an ID token unless told not to", async () => {
    const recorded = shape(fixture("token-success").body) as Record<string, unknown>;
    const started = await startQr();
    await approve(started.data.attributes.qr_code_uri);
    const withIdToken = (await (await poll(started.data.id)).json()) as Record<string, unknown>;
    assert.equal(typeof withIdToken.id_token, "string");
    const members = { ...withIdToken };
    delete members.id_token;
    assert.deepEqual(shape(members), recorded);

    const mode = await app.request("/digidentity/control/misbehaviour", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: CLIENT_ID, mode: "no_id_token" }),
    });
    assert.equal(mode.status, 200);
    const second = await startQr();
    await approve(second.data.attributes.qr_code_uri);
    const bare = (await (await poll(second.data.id)).json()) as Record<string, unknown>;
    assert.deepEqual(shape(bare), recorded);

    const userinfo = await app.request("/digidentity/user_info.json", {
      headers: { authorization: `Bearer ${String(bare.access_token)}` },
    });
    assert.deepEqual(shape(await userinfo.json()), shape(fixture("userinfo-ioe").body));
  });

  it("never sends slow_down, which Digidentity does not document", async () => {
    const started = await startQr();
    for (let i = 0; i < 5; i += 1) {
      const body = (await (await poll(started.data.id)).json()) as Record<string, unknown>;
      assert.notEqual(body.error, "slow_down");
    }
  });
});

describe("Digidentity configuration: no invented defaults against the real service", () => {
  const REAL = {
    SANDBOX: "off",
    AUTH_SECRET: "x".repeat(40),
    DIGIDENTITY_ISSUER: "https://auth.digidentity.eu/",
    DIGIDENTITY_CLIENT_ID: "client",
    DIGIDENTITY_CLIENT_SECRET: "secret",
    DIGIDENTITY_PRODUCT_SCOPE: "e9x4a6m254p663l4",
  };

  it("keeps the issuer as written, polls every 5 s and has no report", () => {
    const d = parseConfig(REAL).providers.digidentity!;
    assert.equal(d.issuer, "https://auth.digidentity.eu/");
    assert.equal(d.pollIntervalMs, 5000);
    assert.equal(d.report, undefined);
  });

  it("a report URL without its scope and claim names both", () => {
    const withUrl = { ...REAL, DIGIDENTITY_REPORT_URL: "https://x.example/reports/{pseudonym}" };
    assert.throws(() => parseConfig(withUrl), /DIGIDENTITY_REPORT_SCOPE: required/);
    assert.throws(() => parseConfig(withUrl), /DIGIDENTITY_PSEUDONYM_CLAIM: required/);
    const full = { ...withUrl, DIGIDENTITY_REPORT_SCOPE: "s", DIGIDENTITY_PSEUDONYM_CLAIM: "p" };
    assert.deepEqual(parseConfig(full).providers.digidentity!.report, {
      url: "https://x.example/reports/{pseudonym}",
      scope: "s",
      pseudonymClaim: "p",
    });
  });

  it("with the sandbox on: the sandbox's report scope, claim and 1 s pace", () => {
    const d = parseConfig({}).providers.digidentity!;
    assert.equal(d.report?.scope, REPORT_SCOPE);
    assert.equal(d.report?.pseudonymClaim, "pseudonym");
    assert.equal(d.pollIntervalMs, 1000);
  });
});
