import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";

import { ApiError, fetchJson, postJson } from "../../components/ui/fetch-json";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  globalThis.fetch = async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
}

describe("the device pages' fetcher", () => {
  it("says when to ask again after a 503 state_unavailable (Retry-After in seconds)", async () => {
    answer(503, { error: "state_unavailable", message: "Try again shortly." }, { "retry-after": "3" });
    const error = await fetchJson("/api/digidentity-qr/status").catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 503);
    assert.equal(error.code, "state_unavailable");
    assert.equal(error.message, "Try again shortly.");
    assert.equal(error.retryAfterMs, 3000);
  });

  it("has no retry time when the answer names none, or an unreadable one", async () => {
    answer(502, { error: "provider_error", message: "Unexpected." });
    const plain = await fetchJson("/x").catch((e: unknown) => e);
    assert.ok(plain instanceof ApiError);
    assert.equal(plain.retryAfterMs, undefined);
    answer(429, { error: "rate_limited", message: "Slow down." }, { "retry-after": "soon" });
    const garbled = await fetchJson("/x").catch((e: unknown) => e);
    assert.ok(garbled instanceof ApiError);
    assert.equal(garbled.retryAfterMs, undefined);
  });

  it("hands back the JSON of a 200", async () => {
    answer(200, { status: "pending", expiresAt: 1, pollIntervalMs: 1000 });
    assert.deepEqual(await fetchJson("/x"), { status: "pending", expiresAt: 1, pollIntervalMs: 1000 });
  });

  it("carries the reference of a refused login", async () => {
    answer(401, { error: "jwt_invalid", message: "Refused.", ref: "r-123" });
    const error = await fetchJson("/x").catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.ref, "r-123");
  });

  it("keeps the caller's headers, asks for JSON, and posts a JSON body", async () => {
    const seen: Request[] = [];
    globalThis.fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return Response.json({ ok: true });
    };
    await fetchJson("http://portal.test/x", { headers: { "x-trace": "1" } });
    assert.equal(seen[0]!.headers.get("x-trace"), "1");
    assert.equal(seen[0]!.headers.get("accept"), "application/json");
    assert.deepEqual(await postJson("http://portal.test/y", { tokenId: "a" }), { ok: true });
    assert.equal(seen[1]!.method, "POST");
    assert.equal(seen[1]!.headers.get("content-type"), "application/json");
    assert.equal(seen[1]!.headers.get("accept"), "application/json");
    assert.deepEqual(await seen[1]!.json(), { tokenId: "a" });
  });
});
