import { expect, test, type APIRequestContext } from "./support/fixtures";

/**
 * Every route handler, fed every kind of bad input, answers a 4xx JSON `{error, message}` and
 * changes nothing: no login state is set or replaced. Table-driven, so a new handler is one row.
 */
type Handler = { method: "GET" | "POST"; path: string; takesBody: boolean };

const HANDLERS: Handler[] = [
  { method: "POST", path: "/api/digidentity-qr/start", takesBody: true },
  { method: "GET", path: "/api/digidentity-qr/status", takesBody: false },
  { method: "GET", path: "/api/digidentity/report/photo", takesBody: false },
  { method: "POST", path: "/api/idtoken/start", takesBody: true },
  { method: "POST", path: "/api/idtoken/complete", takesBody: true },
  { method: "POST", path: "/api/idura/headless/start", takesBody: true },
  { method: "GET", path: "/api/idura/headless/status", takesBody: false },
  { method: "GET", path: "/api/idura/ciba/status", takesBody: false },
];

type BadInput = {
  name: string;
  /** Applies to handlers that take a body, or to all. */
  forBody?: boolean;
  query?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Acceptable statuses: which 4xx depends on what is wrong. */
  status: number[];
};

const BAD_INPUTS: BadInput[] = [
  {
    name: "malformed JSON",
    forBody: true,
    headers: { "content-type": "application/json" },
    body: Buffer.from('{"a": '),
    status: [400],
  },
  {
    name: "a content type that is not JSON",
    forBody: true,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: Buffer.from("a=1"),
    status: [415],
  },
  {
    name: "an oversized body",
    forBody: true,
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ x: "y".repeat(100_000) })),
    status: [413],
  },
  {
    name: "unknown fields",
    forBody: true,
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ code: "abc", persona: "ioe" })),
    status: [400],
  },
  {
    name: "a JSON array instead of an object",
    forBody: true,
    headers: { "content-type": "application/json" },
    body: Buffer.from("[]"),
    status: [400],
  },
  {
    name: "unicode oddities in the body",
    forBody: true,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: Buffer.from('{"\\u0000\\u202e\\ud800": "\\ufeff"}'),
    status: [400],
  },
  { name: "unknown query parameters", query: "?code=abc&persona=ioe", status: [400] },
  { name: "unicode oddities in the query", query: "?%E2%80%AE%00=%EF%BB%BF", status: [400] },
  { name: "a repeated query parameter", query: "?a=1&a=2", status: [400] },
];

async function send(request: APIRequestContext, handler: Handler, input: BadInput) {
  const url = `${handler.path}${input.query ?? ""}`;
  return handler.method === "POST"
    ? request.post(url, { headers: input.headers, data: input.body })
    : request.get(url, { headers: input.headers });
}

for (const handler of HANDLERS) {
  test.describe(`${handler.method} ${handler.path}`, () => {
    for (const input of BAD_INPUTS.filter((i) => !i.forBody || handler.takesBody)) {
      test(`refuses ${input.name}`, async ({ request }) => {
        const res = await send(request, handler, input);
        expect(input.status).toContain(res.status());
        expect(res.headers()["content-type"]).toContain("application/json");
        const body = (await res.json()) as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(["error", "message"]);
        expect(typeof body.error).toBe("string");
        expect(String(body.message).length).toBeGreaterThan(0);
        // Nothing changed: no login state was set or replaced.
        const setCookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
        expect(setCookies.map((h) => h.value.split("=")[0])).toEqual([]);
      });
    }
  });
}

/** A method a route does not take: 405 in the same JSON error shape, naming the ones it does. */
const WRONG_METHODS: { path: string; method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; allow: string }[] =
  [
    ...HANDLERS.map((h) => ({
      path: h.path,
      method: h.method === "GET" ? ("POST" as const) : ("GET" as const),
      allow: h.method === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS",
    })),
    ...HANDLERS.map((h) => ({
      path: h.path,
      method: "DELETE" as const,
      allow: h.method === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS",
    })),
    { path: "/api/health", method: "PUT", allow: "GET, HEAD, OPTIONS" },
    { path: "/api/auth/session", method: "PATCH", allow: "GET, POST, HEAD, OPTIONS" },
  ];

for (const { path, method, allow } of WRONG_METHODS) {
  test(`${method} ${path} is refused with a JSON 405`, async ({ request }) => {
    const res = await request.fetch(path, { method });
    expect(res.status()).toBe(405);
    expect(res.headers()["allow"]).toBe(allow);
    expect(await res.json()).toEqual({
      error: "method_not_allowed",
      message: `This address does not take ${method}. It takes ${allow}.`,
    });
  });
}

test("an address under /api/ that no provider has is a JSON 404", async ({ request }) => {
  for (const method of ["GET", "POST"] as const) {
    const res = await request.fetch("/api/digidentity-qr/nothing-here", { method });
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found", message: "There is nothing at this address." });
  }
});

test("a status poll without a login cookie answers 401 and calls nothing upstream", async ({ request }) => {
  const res = await request.get("/api/digidentity-qr/status");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: "no_login" });
});

test("a server action that does not exist is refused, not run", async ({ request }) => {
  const res = await request.post("/login", {
    headers: { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain" },
    data: "[]",
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  expect(res.status()).toBeLessThan(500);
});
