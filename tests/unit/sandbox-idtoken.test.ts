import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import type { Hono } from "hono";
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";
import { expandScopes } from "../../sandbox/idtoken/scopes";

const SERVICE = "rmi-portal-demo";
let app: Hono;

beforeEach(async () => {
  app = await createSandboxApp(parseSandboxConfig({}));
});

function post(path: string, body: unknown) {
  return app.request(`/idtoken${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("IDToken sandbox", () => {
  it("expands composite scopes", () => {
    assert.deepEqual(expandScopes(["identity:basic"]), {
      ok: true,
      scopes: ["identity:name", "identity:trust_level"],
    });
    assert.deepEqual(expandScopes(["identity:nope"]), { ok: false, unknown: "identity:nope" });
  });

  it("initiates a 6-digit, 60-second session", async () => {
    const res = await post("/auth/initiate", {
      tokenId: "IDT-MARIE-DUPONT",
      serviceId: SERVICE,
      scopes: ["identity:name"],
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      autoPassword: string;
      expiresAt: string;
      sessionId: string;
      wsToken: string;
    };
    assert.match(body.autoPassword, /^\d{6}$/);
    const ttl = Date.parse(body.expiresAt) - Date.now();
    assert.ok(ttl > 55_000 && ttl <= 60_000, `ttl ${ttl}`);
  });

  it("refuses an unknown service and scopes beyond the service's ceiling", async () => {
    const unknown = await post("/auth/initiate", {
      tokenId: "IDT-MARIE-DUPONT",
      serviceId: "other",
      scopes: [],
    });
    assert.equal(unknown.status, 403);
    assert.equal(((await unknown.json()) as { error: string }).error, "unknown_service");
    const ceilingApp = await createSandboxApp(
      parseSandboxConfig({ SANDBOX_IDTOKEN_ALLOWED_SCOPES: "identity:basic" }),
    );
    const beyond = await ceilingApp.request("/idtoken/auth/initiate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tokenId: "IDT-MARIE-DUPONT", serviceId: SERVICE, scopes: ["identity:full"] }),
    });
    assert.equal(beyond.status, 403);
    assert.equal(((await beyond.json()) as { error: string }).error, "scope_not_allowed");
  });

  it("verifies with three attempts, and issues ES256 JWTs with only the granted claims", async () => {
    const start = (await (
      await post("/auth/initiate", {
        tokenId: "IDT-MARIE-DUPONT",
        serviceId: SERVICE,
        scopes: ["identity:full"],
      })
    ).json()) as { sessionId: string; autoPassword: string };
    const base = { sessionId: start.sessionId, tokenId: "IDT-MARIE-DUPONT", decision: "approve" };
    const wrong = await post("/auth/verify", { ...base, autoPassword: "000000", pin: "12345" });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { attemptsLeft: number }).attemptsLeft, 2);
    const ok = await post("/auth/verify", {
      ...base,
      autoPassword: start.autoPassword,
      pin: "12345",
      grantedScopes: ["identity:name"],
    });
    assert.equal(ok.status, 200);
    const jwks = await app.request("/idtoken/.well-known/jwks.json");
    assert.equal(jwks.headers.get("cache-control"), "public, max-age=3600");
    const keys = (await jwks.json()) as JSONWebKeySet;
    assert.equal(keys.keys[0]?.alg, "ES256");
    assert.ok(createLocalJWKSet(keys));
    const again = await post("/auth/verify", { ...base, autoPassword: start.autoPassword, pin: "12345" });
    assert.equal(again.status, 409);
  });

  it("rejects the session after three failed checks", async () => {
    const start = (await (
      await post("/auth/initiate", { tokenId: "IDT-MARIE-DUPONT", serviceId: SERVICE })
    ).json()) as { sessionId: string; autoPassword: string };
    const attempt = () =>
      post("/auth/verify", {
        sessionId: start.sessionId,
        tokenId: "IDT-MARIE-DUPONT",
        decision: "approve",
        autoPassword: start.autoPassword,
        pin: "99999",
      });
    assert.equal((await attempt()).status, 401);
    assert.equal((await attempt()).status, 401);
    assert.equal((await attempt()).status, 403);
    assert.equal((await attempt()).status, 409);
  });
});

describe("IDToken sandbox misbehaviour", () => {
  const LAB = "rmi-portal-idtoken-lab";

  async function approvedJwt(lab: Hono, serviceId: string) {
    const call = (path: string, body: unknown) =>
      lab.request(`/idtoken${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const start = (await (
      await call("/auth/initiate", { tokenId: "IDT-MARIE-DUPONT", serviceId })
    ).json()) as { sessionId: string; autoPassword: string };
    const ok = await call("/auth/verify", {
      sessionId: start.sessionId,
      tokenId: "IDT-MARIE-DUPONT",
      decision: "approve",
      autoPassword: start.autoPassword,
      pin: "12345",
    });
    assert.equal(ok.status, 200);
    // The JWT travels only over the WebSocket; the issued list is the test's window on it.
    const { issued } = (await (await lab.request("/idtoken/control/issued")).json()) as {
      issued: { kind: string; value: string }[];
    };
    const jwt = issued.filter((i) => i.kind === "jwt").at(-1)!.value;
    return { jwt, sessionId: start.sessionId };
  }

  function misbehave(lab: Hono, mode: string, serviceId = LAB) {
    return lab.request("/idtoken/control/misbehaviour", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ client_id: serviceId, mode }),
    });
  }

  it("sends no session claim unless a service's is switched on; wrong_session bends only that", async () => {
    const lab = await createSandboxApp(parseSandboxConfig({ SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: LAB }));
    assert.equal((await misbehave(lab, "wrong_state")).status, 400);
    assert.equal((await misbehave(lab, "wrong_session", "nobody")).status, 404);

    // The documented JWT: iss sub aud iat exp scope idtoken, and nothing of the sandbox's own.
    const plain = await approvedJwt(lab, SERVICE);
    assert.deepEqual(Object.keys(decodeJwt(plain.jwt)).sort(), [
      "aud",
      "exp",
      "iat",
      "idtoken",
      "iss",
      "scope",
      "sub",
    ]);

    const on = await lab.request("/idtoken/control/session-claim", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ service_id: LAB, claim: "sid" }),
    });
    assert.equal(on.status, 200);
    assert.equal((await misbehave(lab, "wrong_session")).status, 200);
    const bent = await approvedJwt(lab, LAB);
    const claims = decodeJwt(bent.jwt);
    assert.equal(claims.aud, LAB);
    assert.equal(typeof claims.sid, "string");
    assert.notEqual(claims.sid, bent.sessionId);
    assert.equal(decodeJwt((await approvedJwt(lab, SERVICE)).jwt).sid, undefined);
    assert.match(await (await lab.request("/")).text(), /JWT that answers another login session/);
  });

  it("rotated_key: a second ES256 key in the JWKS signs the JWT", async () => {
    const lab = await createSandboxApp(parseSandboxConfig({ SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: LAB }));
    await misbehave(lab, "rotated_key");
    const keys = (await (await lab.request("/idtoken/.well-known/jwks.json")).json()) as JSONWebKeySet;
    assert.equal(keys.keys.length, 2);
    const { jwt } = await approvedJwt(lab, LAB);
    const { protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(keys), { audience: LAB });
    assert.deepEqual([protectedHeader.alg, protectedHeader.kid], ["ES256", keys.keys[1]!.kid]);
  });

  it("resets one service's sessions only, when asked to", async () => {
    const lab = await createSandboxApp(parseSandboxConfig({ SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: LAB }));
    const start = (await (
      await lab.request("/idtoken/auth/initiate", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ tokenId: "IDT-LUKAS-JANSEN", serviceId: LAB }),
      })
    ).json()) as { sessionId: string };
    const reset = await lab.request("/idtoken/control/reset", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ service_id: SERVICE }),
    });
    assert.equal(reset.status, 200);
    const phone = await (await lab.request("/idtoken/app/IDT-LUKAS-JANSEN")).text();
    assert.match(phone, new RegExp(start.sessionId));
  });

  it("shows one service's latest request on the phone, when asked for that service", async () => {
    const lab = await createSandboxApp(parseSandboxConfig({ SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: LAB }));
    const initiate = async (serviceId: string) =>
      (
        (await (
          await lab.request("/idtoken/auth/initiate", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ tokenId: "IDT-LUKAS-JANSEN", serviceId }),
          })
        ).json()) as { sessionId: string }
      ).sessionId;
    const ours = await initiate(SERVICE);
    const theirs = await initiate(LAB);
    const latest = await (await lab.request("/idtoken/app/IDT-LUKAS-JANSEN")).text();
    assert.match(latest, new RegExp(theirs));
    const mine = await (
      await lab.request(`/idtoken/app/IDT-LUKAS-JANSEN?service=${encodeURIComponent(SERVICE)}`)
    ).text();
    assert.match(mine, new RegExp(ours));
    assert.doesNotMatch(mine, new RegExp(theirs));
  });
});
