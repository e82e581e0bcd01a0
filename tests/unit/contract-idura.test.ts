/**
 * Idura Verify's recorded answers (tests/unit/fixtures/idura/*.json, each naming its source in
 * Idura's public docs) fed to the portal's adapters over real HTTP; and the sandbox's answers
 * checked against the same recordings, so the sandbox cannot drift from the real service.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it, mock } from "node:test";

import type { Hono } from "hono";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";

import {
  pollCiba,
  pollHeadless,
  startCiba,
  startHeadless,
  UnknownCustomerError,
} from "../../lib/providers/idura/backchannel";
import { headlessStep, type HeadlessState } from "../../lib/providers/idura/headless";
import { nordicEidIdentityFromClaims } from "../../lib/providers/idura/identity";
import { MemoryBackend } from "../../lib/state/backend";
import { SharedState } from "../../lib/state/store";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

type Fixture = {
  source: string;
  status?: number;
  body?: Record<string, unknown>;
  claims?: Record<string, unknown>;
};

function fixture(name: string): Fixture {
  const f = JSON.parse(
    readFileSync(new URL(`fixtures/idura/${name}.json`, import.meta.url), "utf8"),
  ) as Fixture;
  assert.match(f.source, /^criipto\/docs@[0-9a-f]{40}:src\//, `${name} names its source`);
  return f;
}
const claimsOf = (name: string) => fixture(name).claims ?? {};
const bodyOf = (name: string) => fixture(name).body ?? {};

describe("Idura contract: ID token claims as Idura's samples show them", () => {
  it("MitID: the eID from identityscheme, the acr from authenticationtype, the level from loA", () => {
    const id = nordicEidIdentityFromClaims(claimsOf("id-token-mitid"), "idura");
    assert.equal(id.eid, "dk-mitid");
    assert.equal(id.acr, "urn:grn:authn:dk:mitid:low");
    assert.equal(id.loa, "low");
    assert.equal(id.name, "Paiman Petersen");
    assert.equal(id.birthdate, "1958-12-27");
    assert.equal(id.country, "DK");
    assert.equal(JSON.stringify(id).includes("2712589100"), false, "the CPR number is never kept");
  });

  it("MitID Erhverv: company under 2.5.4.10 or, on older tenants, urn:oid:2.5.4.10; booleans as strings", () => {
    // The snippets leave out the token's own claims; a business login's acr is added here.
    const acr = { authenticationtype: "urn:grn:authn:dk:mitid:business" };
    const employee = nordicEidIdentityFromClaims({ ...claimsOf("id-token-mitid-erhverv"), ...acr }, "idura");
    assert.equal(employee.eid, "dk-mitid-business");
    assert.deepEqual(employee.business, { cvr: "12345678", companyName: "Testorganisation nr. 12345678" });
    const signatory = nordicEidIdentityFromClaims(
      { ...claimsOf("id-token-mitid-erhverv-signatory"), ...acr },
      "idura",
    );
    assert.equal(signatory.business?.signatory, true);
    // The older tenant's business login names the acr `…:substantial`: the CVR makes it business.
    const old = nordicEidIdentityFromClaims(claimsOf("id-token-mitid-erhverv-old-oid"), "idura");
    assert.equal(old.eid, "dk-mitid-business");
    assert.equal(old.loa, "substantial");
    assert.equal(old.business?.companyName, "Testorganisation nr. 95435402");
  });

  it("Swedish BankID: no birthdate in the token, and the personnummer is never kept", () => {
    for (const name of ["id-token-se-bankid", "id-token-se-bankid-ciba"]) {
      const id = nordicEidIdentityFromClaims(claimsOf(name), "idura");
      assert.equal(id.eid, "se-bankid");
      assert.equal(id.birthdate, undefined);
      assert.equal(id.loa, undefined);
      assert.equal(JSON.stringify(id).includes(String(claimsOf(name).ssn)), false);
    }
  });

  it("Norwegian BankID, also its biometric login's …no:bankid:substantial", () => {
    assert.equal(nordicEidIdentityFromClaims(claimsOf("id-token-no-bankid"), "idura").eid, "no-bankid");
    const bio = nordicEidIdentityFromClaims(claimsOf("id-token-no-bankid-biometric"), "idura");
    assert.equal(bio.eid, "no-bankid");
    assert.equal(bio.acr, "urn:grn:authn:no:bankid:substantial");
    assert.equal(JSON.stringify(bio).includes("16084138758"), false);
  });

  it("a token whose acr names another eID than its scheme is refused", () => {
    assert.throws(() =>
      nordicEidIdentityFromClaims(
        { ...claimsOf("id-token-se-bankid"), authenticationtype: "urn:grn:authn:no:bankid" },
        "idura",
      ),
    );
  });
});

/** A stand-in Idura that replays the recorded answers over real HTTP and records what it was sent. */
describe("Idura contract: the portal's back-channel calls against recorded answers", () => {
  let server: Server;
  let issuer: string;
  let key: CryptoKey;
  const seen: { path: string; form: URLSearchParams; authorization?: string }[] = [];
  let answers: Record<string, { status: number; body: unknown }[]> = {};
  const cfg = () => ({ issuer, clientId: "urn:ciba", clientSecret: "s3cret" });

  async function body(req: IncomingMessage) {
    let text = "";
    for await (const chunk of req) text += String(chunk);
    return new URLSearchParams(text);
  }

  before(async () => {
    const pair = await generateKeyPair("RS256");
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    server = createServer((req, res) => {
      void (async () => {
        const path = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/idura/, "");
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
        };
        if (path === "/.well-known/openid-configuration")
          return send(200, {
            issuer,
            authorization_endpoint: `${issuer}/oauth2/authorize`,
            token_endpoint: `${issuer}/oauth2/token`,
            jwks_uri: `${issuer}/.well-known/jwks`,
          });
        if (path === "/.well-known/jwks") return send(200, { keys: [jwk] });
        seen.push({ path, form: await body(req), authorization: req.headers.authorization });
        const next = answers[path]?.shift();
        return next ? send(next.status, next.body) : send(500, { error: "server_error" });
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/idura`;
  });
  after(() => server.close());
  beforeEach(() => {
    seen.length = 0;
    answers = {};
  });

  const recorded = (name: string) => ({ status: fixture(name).status ?? 200, body: bodyOf(name) });
  /** An approval; `expiredAgo`: its ID token expired that many seconds ago. */
  async function tokenAnswer(expiredAgo?: number) {
    const claims = { ...claimsOf("id-token-se-bankid-ciba"), iss: issuer, aud: "urn:ciba" };
    const now = Math.floor(Date.now() / 1000) - (expiredAgo === undefined ? 0 : expiredAgo + 600);
    const idToken = await new SignJWT({ ...claims, iat: now, nbf: now, exp: now + 600 })
      .setProtectedHeader({ alg: "RS256", kid: "k1", typ: "JWT" })
      .sign(key);
    return { status: 200, body: { ...bodyOf("token-response"), id_token: idToken } };
  }

  it("CIBA, Swedish BankID: phoneAuth authorization_details and our binding message; pending, declined, approved", async () => {
    answers["/ciba/bc-authorize"] = [recorded("ciba-start-se")];
    const started = await startCiba(cfg(), {
      nationalId: "196802020575",
      acr: "urn:grn:authn:se:bankid",
      bindingMessage: "RMI-1234",
      callInitiator: "RP",
    });
    assert.equal(started.authReqId, "3857f8ff-21b9-48ae-a732-a3bd8128a7ae");
    assert.equal(started.intervalSeconds, 3);
    assert.equal(started.bindingMessage, "RMI-1234");
    const sent = seen[0];
    assert.equal(sent?.form.get("login_hint"), "sub:ssn:196802020575");
    assert.equal(sent?.form.get("binding_message"), "RMI-1234");
    assert.deepEqual(JSON.parse(sent?.form.get("authorization_details") ?? ""), [
      { type: "phoneAuth", callInitiator: "RP" },
    ]);
    assert.match(sent?.authorization ?? "", /^Basic /);

    answers["/oauth2/token"] = [recorded("ciba-pending-se"), recorded("ciba-denied"), await tokenAnswer()];
    assert.deepEqual(await pollCiba(cfg(), started.authReqId), { status: "pending" });
    assert.deepEqual(await pollCiba(cfg(), started.authReqId), { status: "denied" });
    const approved = await pollCiba(cfg(), started.authReqId);
    assert.equal(approved.status, "approved");
    assert.equal(seen.at(-1)?.form.get("grant_type"), "urn:openid:params:grant-type:ciba");
  });

  it("CIBA, Norwegian BankID: customerServiceCall.v1, no binding_message, and Idura's word pair for the agent", async () => {
    answers["/ciba/bc-authorize"] = [recorded("ciba-start-no")];
    const started = await startCiba(cfg(), {
      nationalId: "18015718966",
      acr: "urn:grn:authn:no:bankid",
      bindingMessage: "RMI-1234",
      callInitiator: "RP",
    });
    assert.equal(started.bindingMessage, "Frekk Julekos");
    assert.equal(seen[0]?.form.has("binding_message"), false);
    assert.deepEqual(JSON.parse(seen[0]?.form.get("authorization_details") ?? ""), [
      { type: "customerServiceCall.v1" },
    ]);
    answers["/oauth2/token"] = [recorded("ciba-pending-no")];
    assert.deepEqual(await pollCiba(cfg(), started.authReqId), { status: "pending" });
  });

  it("CIBA: an unknown person is its own failure", async () => {
    answers["/ciba/bc-authorize"] = [{ status: 400, body: { error: "unknown_user_id" } }];
    await assert.rejects(
      startCiba(cfg(), {
        nationalId: "1",
        acr: "urn:grn:authn:se:bankid",
        bindingMessage: "x",
        callInitiator: "RP",
      }),
      UnknownCustomerError,
    );
  });

  it("headless: acr, end_user_ip; the QR data while pending; declined; the token with a string expires_in", async () => {
    answers["/headless/authorize"] = [recorded("headless-start")];
    const started = await startHeadless(cfg(), { acr: "urn:grn:authn:se:bankid", endUserIp: "203.0.113.7" });
    assert.equal(started.headlessReqId, "3857f8ff-21b9-48ae-a732-a3bd8128a7ae");
    assert.match(started.qrData, /^bankid\./);
    assert.equal(seen[0]?.form.get("end_user_ip"), "203.0.113.7");
    assert.equal(seen[0]?.form.get("acr_values"), "urn:grn:authn:se:bankid");

    answers["/oauth2/token"] = [
      recorded("headless-pending"),
      recorded("headless-denied"),
      await tokenAnswer(),
    ];
    const pending = await pollHeadless(cfg(), started.headlessReqId);
    assert.deepEqual(pending, {
      status: "pending",
      qrData: (bodyOf("headless-pending").acr_data as { qrData: string }).qrData,
      hintCode: "outstandingTransaction",
    });
    assert.equal(seen.at(-1)?.form.get("grant_type"), "urn:grn:params:grant-type:headless");
    assert.deepEqual(await pollHeadless(cfg(), started.headlessReqId), { status: "denied" });
    assert.equal((await pollHeadless(cfg(), started.headlessReqId)).status, "approved");
  });

  it("headless pace: Idura is asked every interval; in between the page gets the last answer; slow_down adds 5 s", async () => {
    const t0 = 1_000_000;
    const pending: HeadlessState = {
      phase: "pending",
      headlessReqId: "r1",
      expiresAt: t0 + 120_000,
      intervalSeconds: 5,
      nextPollAt: t0,
      qrData: "bankid.x.0.y",
    };
    answers["/oauth2/token"] = [recorded("headless-pending"), { status: 400, body: { error: "slow_down" } }];
    // The shared pace (lib/state) runs on the clock too: both move with the test's time.
    const store = new SharedState(new MemoryBackend(), "contract-idura-unit-test-secret-0123456789");
    mock.timers.enable({ apis: ["Date"], now: t0 });
    after(() => mock.timers.reset());
    const first = await headlessStep(cfg(), pending, t0, store);
    assert.equal(first.status, "pending");
    const next = first.next;
    assert.ok(next && next.phase === "pending");
    assert.equal(next.nextPollAt, t0 + 5_000);
    assert.equal(seen.length, 1);
    // Four more page polls within the interval: no call to Idura, the same QR data.
    for (const dt of [1_000, 2_000, 3_000, 4_000]) {
      mock.timers.setTime(t0 + dt);
      const again = await headlessStep(cfg(), next, t0 + dt, store);
      assert.equal(
        again.status === "pending" && again.qrData,
        (bodyOf("headless-pending").acr_data as { qrData: string }).qrData,
      );
    }
    assert.equal(seen.length, 1);
    mock.timers.setTime(t0 + 5_000);
    const slowed = await headlessStep(cfg(), next, t0 + 5_000, store);
    mock.timers.reset();
    assert.equal(seen.length, 2);
    assert.ok(slowed.next?.phase === "pending" && slowed.next.intervalSeconds === 10);
    assert.equal(slowed.next.nextPollAt, t0 + 15_000);
  });

  it("slow_down is its own outcome, so the caller can back off", async () => {
    answers["/oauth2/token"] = [{ status: 400, body: { error: "slow_down" } }];
    assert.deepEqual(await pollHeadless(cfg(), "x"), { status: "slow_down" });
  });

  it("an approval whose ID token fails oauth4webapi's checks is refused, by CIBA and headless alike", async () => {
    answers["/oauth2/token"] = [await tokenAnswer(3600), await tokenAnswer(3600)];
    for (const outcome of [await pollCiba(cfg(), "ciba-1"), await pollHeadless(cfg(), "headless-1")]) {
      assert.equal(outcome.status, "refused");
      assert.ok(outcome.status === "refused" && outcome.reason === "id_token_invalid");
      assert.match(outcome.check, /exp|timestamp|expired/i);
    }
  });

  it("headless: the refusal is final, repeated to a later poll without asking Idura again", async () => {
    const t0 = Date.now();
    const pending: HeadlessState = {
      phase: "pending",
      headlessReqId: "r-refused",
      expiresAt: t0 + 120_000,
      intervalSeconds: 5,
      nextPollAt: t0,
    };
    answers["/oauth2/token"] = [await tokenAnswer(3600)];
    const store = new SharedState(new MemoryBackend(), "contract-idura-unit-test-secret-0123456789");
    const first = await headlessStep(cfg(), pending, t0, store);
    assert.equal(first.status, "refused");
    assert.ok(first.status === "refused" && first.reason === "id_token_invalid");
    assert.equal(first.error.name, "IdTokenError");
    assert.equal(first.next, undefined, "no approval goes into the cookie");
    // A second tab with the same cookie, after the interval: the kept answer, no second call.
    const second = await headlessStep(cfg(), { ...pending, nextPollAt: 0 }, t0 + 6_000, store);
    assert.equal(second.status, "refused");
    assert.equal(seen.length, 1);
  });
});

/** The shape of a JSON value: its keys and their JSON types, recursively. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value === null ? "null" : typeof value;
}

/** The sandbox's answer has every key of the recording, with the same JSON types, and no other. */
function assertSameShape(actual: unknown, recordedName: string, options: { allowMissing?: string[] } = {}) {
  const want = shape(bodyOf(recordedName)) as Record<string, unknown>;
  const got = shape(actual) as Record<string, unknown>;
  for (const key of options.allowMissing ?? []) delete want[key];
  assert.deepEqual(got, want, `the sandbox's answer has the shape of ${recordedName}`);
}

describe("Idura contract: the sandbox answers in the recorded shapes", () => {
  let app: Hono;
  const BASIC = `Basic ${Buffer.from("rmi-portal-idura:sandbox-idura-secret").toString("base64")}`;
  const post = (path: string, fields: Record<string, string>) =>
    app.request(`/idura${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: BASIC },
      body: new URLSearchParams(fields).toString(),
    });
  const control = (path: string, json: unknown) =>
    app.request(`/idura/control${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(json),
    });
  const se = {
    scope: "openid",
    login_hint: "sub:ssn:199004152381",
    acr_values: "urn:grn:authn:se:bankid",
    binding_message: "RMI-1234",
    authorization_details: JSON.stringify([{ type: "phoneAuth", callInitiator: "RP" }]),
  };
  const no = {
    scope: "openid",
    login_hint: "sub:ssn:01017012345",
    acr_values: "urn:grn:authn:no:bankid",
    authorization_details: JSON.stringify([{ type: "customerServiceCall.v1" }]),
  };

  beforeEach(async () => {
    app = await createSandboxApp(parseSandboxConfig({}), { now: () => Date.now() });
  });

  it("CIBA, both eIDs: start, pending, declined and the token answer", async () => {
    const seStart = await (await post("/ciba/bc-authorize", se)).json();
    assertSameShape(seStart, "ciba-start-se");
    const noStart = (await (await post("/ciba/bc-authorize", no)).json()) as {
      auth_req_id: string;
      bindingMessage: string;
    };
    assertSameShape(noStart, "ciba-start-no");
    assert.match(noStart.bindingMessage, /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    const poll = (id: string) =>
      post("/oauth2/token", { grant_type: "urn:openid:params:grant-type:ciba", auth_req_id: id });
    const pendingNo = await poll(noStart.auth_req_id);
    assert.equal(pendingNo.status, 400);
    assert.deepEqual(await pendingNo.json(), bodyOf("ciba-pending-no"));
    const { auth_req_id } = seStart as { auth_req_id: string };
    assert.deepEqual(await (await poll(auth_req_id)).json(), bodyOf("ciba-pending-se"));
    await control("/ciba/deny", { binding_message: "RMI-1234" });
    assert.deepEqual(await (await poll(auth_req_id)).json(), bodyOf("ciba-denied"));

    const again = (await (
      await post("/ciba/bc-authorize", { ...se, binding_message: "RMI-5678" })
    ).json()) as {
      auth_req_id: string;
    };
    await control("/ciba/approve", { binding_message: "RMI-5678" });
    const tokens = (await (await poll(again.auth_req_id)).json()) as { id_token: string };
    assertSameShape(tokens, "token-response");
    const claims = decodeJwt(tokens.id_token);
    const recordedClaims = claimsOf("id-token-se-bankid-ciba");
    // Every claim the sandbox sends is one Idura's own CIBA token has; no `acr`.
    for (const key of Object.keys(claims)) assert.ok(key in recordedClaims, `Idura sends ${key}`);
    assert.equal(claims.acr, undefined);
    assert.equal(claims.authenticationtype, "urn:grn:authn:se:bankid");
  });

  it("CIBA refuses what Idura's docs say each eID must not get", async () => {
    const missingDetails = await post("/ciba/bc-authorize", { ...se, authorization_details: "[]" });
    assert.equal(((await missingDetails.json()) as { error: string }).error, "invalid_request");
    const noWithBinding = await post("/ciba/bc-authorize", { ...no, binding_message: "RMI-1" });
    assert.equal(((await noWithBinding.json()) as { error: string }).error, "invalid_request");
  });

  it("headless: start, pending, declined, and a token carrying the end_user_ip", async () => {
    const start = (await (
      await post("/headless/authorize", {
        scope: "openid",
        acr_values: "urn:grn:authn:se:bankid",
        end_user_ip: "203.0.113.7",
      })
    ).json()) as { headless_req_id: string; acr_data: { qrData: string; autoStartToken: string } };
    assertSameShape(start, "headless-start");
    assert.notEqual(start.acr_data.autoStartToken, start.acr_data.qrData.split(".")[1]);
    const poll = () =>
      post("/oauth2/token", {
        grant_type: "urn:grn:params:grant-type:headless",
        headless_req_id: start.headless_req_id,
      });
    assertSameShape(await (await poll()).json(), "headless-pending");
    await control("/headless/approve", { qr_data: start.acr_data.qrData });
    const tokens = (await (await poll()).json()) as { id_token: string };
    assertSameShape(tokens, "token-response");
    const claims = decodeJwt(tokens.id_token);
    assert.equal(claims.ipaddress, "203.0.113.7");
    const recordedClaims = claimsOf("id-token-se-bankid");
    for (const key of Object.keys(claims)) assert.ok(key in recordedClaims, `Idura sends ${key}`);

    const other = (await (
      await post("/headless/authorize", { scope: "openid", acr_values: "urn:grn:authn:se:bankid" })
    ).json()) as {
      headless_req_id: string;
      acr_data: { qrData: string };
    };
    await control("/headless/cancel", { qr_data: other.acr_data.qrData });
    const declined = await post("/oauth2/token", {
      grant_type: "urn:grn:params:grant-type:headless",
      headless_req_id: other.headless_req_id,
    });
    assert.deepEqual(await declined.json(), bodyOf("headless-denied"));
  });

  it("web login tokens: each eID's claims are ones Idura's sample for that eID has, and the portal reads them", async () => {
    // A business login may carry what a MitID sample and a MitID Erhverv sample show together.
    const samples = {
      "urn:grn:authn:dk:mitid:substantial": [["id-token-mitid"], "karen", "dk-mitid"],
      "urn:grn:authn:dk:mitid:business": [
        ["id-token-mitid", "id-token-mitid-erhverv"],
        "jens",
        "dk-mitid-business",
      ],
      "urn:grn:authn:se:bankid:same-device": [["id-token-se-bankid"], "astrid", "se-bankid"],
      "urn:grn:authn:no:bankid": [["id-token-no-bankid"], "ola", "no-bankid"],
    } as const;
    const { createHash, randomBytes } = await import("node:crypto");
    for (const [acr, [recordings, persona, eid]] of Object.entries(samples)) {
      const verifier = randomBytes(32).toString("base64url");
      const q = new URLSearchParams({
        client_id: "rmi-portal-idura",
        redirect_uri: "http://localhost:3000/api/auth/callback/idura",
        response_type: "code",
        scope: "openid",
        acr_values: acr,
        nonce: "n-1",
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
      });
      const page = await (await app.request(`/idura/oauth2/authorize?${q}`)).text();
      const tx = /name="tx" value="([^"]+)"/.exec(page)?.[1] ?? "";
      const login = await app.request("/idura/oauth2/authorize", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ tx, action: "login", persona }).toString(),
      });
      const code = new URL(login.headers.get("location") ?? "").searchParams.get("code") ?? "";
      const tokens = (await (
        await post("/oauth2/token", {
          grant_type: "authorization_code",
          code,
          redirect_uri: "http://localhost:3000/api/auth/callback/idura",
          code_verifier: verifier,
        })
      ).json()) as { id_token: string };
      const claims = decodeJwt(tokens.id_token);
      const recordedClaims = Object.assign({}, ...recordings.map(claimsOf)) as Record<string, unknown>;
      for (const key of Object.keys(claims)) assert.ok(key in recordedClaims, `${acr}: Idura sends ${key}`);
      for (const [key, value] of Object.entries(claims))
        if (typeof value !== "number") assert.equal(typeof value, "string", `${acr}: ${key} is a string`);
      assert.equal(nordicEidIdentityFromClaims(claims, "idura").eid, eid);
    }
  });
});
