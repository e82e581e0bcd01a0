import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import type { Hono } from "hono";
import { createLocalJWKSet, type JSONWebKeySet } from "jose";
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
