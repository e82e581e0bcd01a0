/**
 * Several portal instances (issue 13, docs/production.md): two `next start` processes behind a
 * round-robin proxy of our own (support/round-robin-proxy.ts), one sandbox and a real
 * redis-server, all on loopback. Every request alternates instances unless a test pins it with
 * `x-test-upstream`. The sandbox's issuers sit behind a counting pass-through, so the test sees
 * every call the portals make upstream.
 */
import { CALL_CENTRE_AGENT, expect, test, type LoginRequest } from "./support/kit-test";
import { TEST_PORTS } from "./support/env";
import { MITID } from "./support/mitid";
import { PERSONAS } from "./support/personas";
import { expectClosed, portalStartOutcome, startRedis, startSandbox } from "./support/instances";
import { startPortal } from "./support/portal-process";
import { startRoundRobinProxy, type RoundRobinProxy } from "./support/round-robin-proxy";

const SANDBOX = `http://127.0.0.1:${TEST_PORTS.instancesSandbox}`;
const UPSTREAM = `http://127.0.0.1:${TEST_PORTS.instancesUpstream}`;
const PROXY = `http://localhost:${TEST_PORTS.instancesProxy}`;
/** Node may resolve `localhost` to ::1 first; the proxy listens on 127.0.0.1. */
const PROXY_FROM_NODE = `http://127.0.0.1:${TEST_PORTS.instancesProxy}`;
const SECRET = "instances-spec-only-secret-0123456789abcdef";
const ACTIONS_KEY = Buffer.alloc(32, 7).toString("base64");
const A = 0;
const B = 1;

test.use({ kit: { sandboxUrl: SANDBOX }, baseURL: PROXY });
test.describe.configure({ mode: "serial" });

type Stoppable = { stop(): unknown };
const running: Stoppable[] = [];
let proxy: RoundRobinProxy;
let upstream: RoundRobinProxy;
let redis: Awaited<ReturnType<typeof startRedis>>;

const portalEnv = (redisUrl: string): Record<string, string> => ({
  SANDBOX_URL: UPSTREAM,
  AUTH_URL: PROXY,
  AUTH_SECRET: SECRET,
  REDIS_URL: redisUrl,
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTIONS_KEY,
  TRUSTED_PROXY_HOPS: "1",
  // The browser opens IDToken's WebSocket on the sandbox itself, as it would on the operator.
  IDTOKEN_WS_URL: `ws://127.0.0.1:${TEST_PORTS.instancesSandbox}/idtoken`,
  RATE_LIMIT_POLL_PER_BROWSER: "100000",
  NEXT_MANUAL_SIG_HANDLE: "true",
  SHUTDOWN_DRAIN_SECONDS: "1",
});

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedis(TEST_PORTS.instancesRedis);
  running.push(redis);
  upstream = await startRoundRobinProxy(TEST_PORTS.instancesUpstream, [SANDBOX], {
    record: (method, path) => method === "POST" && /\/token$/.test(path.split("?")[0]!),
  });
  running.push({ stop: () => upstream.close() });
  running.push(
    await startSandbox(TEST_PORTS.instancesSandbox, {
      SANDBOX_ISSUER_BASE: UPSTREAM,
      SANDBOX_PUBLIC_URL: UPSTREAM,
      SANDBOX_PORTAL_URL: PROXY,
    }),
  );
  const [a, b] = await Promise.all([
    startPortal(TEST_PORTS.instanceA, portalEnv(redis.url)),
    startPortal(TEST_PORTS.instanceB, portalEnv(redis.url)),
  ]);
  running.push(a, b);
  proxy = await startRoundRobinProxy(TEST_PORTS.instancesProxy, [
    `http://127.0.0.1:${TEST_PORTS.instanceA}`,
    `http://127.0.0.1:${TEST_PORTS.instanceB}`,
  ]);
  running.push({ stop: () => proxy.close() });
});

test.afterAll(async () => {
  for (const p of running.reverse()) await p.stop();
});

/**
 * An HTTP client with its own cookie jar doing what a login page does; `on` pins a request
 * to instance A or B, otherwise the proxy alternates.
 */
class Client {
  readonly jar = new Map<string, string>();

  cookieHeader(jar: Map<string, string> = this.jar): string {
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(
    path: string,
    init: RequestInit & { on?: number; jar?: Map<string, string> } = {},
  ): Promise<Response> {
    const jar = init.jar ?? this.jar;
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (jar.size > 0) headers.cookie = this.cookieHeader(jar);
    if (init.on !== undefined) headers["x-test-upstream"] = String(init.on);
    const res = await fetch(`${PROXY_FROM_NODE}${path}`, { ...init, redirect: "manual", headers });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(set) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * Completes a QR login through Auth.js's digidentity-qr callback: the redirect's target, the
   * account page (302) or the portal's error page with its reason (303, lib/authjs/capture.ts).
   */
  async completeQr(on?: number): Promise<string> {
    const csrf = (await (await this.fetch("/api/auth/csrf", { on })).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/digidentity-qr", {
      method: "POST",
      on,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${PROXY}/account` }),
    });
    const location = new URL(res.headers.get("location") ?? "", PROXY).toString();
    expect(res.status, location).toBe(location === `${PROXY}/account` ? 302 : 303);
    return location;
  }

  async session(on?: number) {
    return (await (await this.fetch("/api/auth/session", { on })).json()) as {
      identity?: { provider: string; subject: string };
    } | null;
  }
}

async function startQr(client: Client, on: number) {
  const res = await client.fetch("/api/digidentity-qr/start", { method: "POST", on });
  expect(res.status).toBe(200);
  return ((await res.json()) as { qrCodeUri: string }).qrCodeUri;
}

async function qrStatus(client: Client, on: number, jar?: Map<string, string>) {
  const res = await client.fetch("/api/digidentity-qr/status", { on, jar });
  return { status: res.status, body: (await res.json()) as { status?: string; error?: string } };
}

test.describe("two instances behind a round-robin proxy", () => {
  // Each flow starts on /login and ends on the account page, where `testId` shows `text`.
  const flows: [name: string, who: LoginRequest, testId: string, text: string][] = [
    ["Digidentity web", { provider: "digidentity", persona: "ioe" }, "uid-ioeuid", PERSONAS.ioe.uids.ioeuid],
    [
      "Digidentity QR",
      { provider: "digidentity-qr", persona: "rsse" },
      "uid-rsseuid",
      PERSONAS.rsse.uids.rsseuid,
    ],
    ["Signicat MitID", { provider: "signicat", userId: MITID.peter.userId }, "mitid-name", MITID.peter.name],
    ["IDToken", { provider: "idtoken", tokenId: "IDT-ANNA-KOWALSKA" }, "idtoken-name", "Anna Kowalska"],
    ["Idura web", { provider: "idura", persona: "jens" }, "eid-name", "Jens Hansen"],
    ["Idura headless BankID", { provider: "idura-bankid" }, "eid-name", "Astrid Lindqvist"],
  ];

  for (const [name, who, testId, text] of flows) {
    test(`${name}: completes with requests strictly alternating between the instances`, async ({
      page,
      loginAs,
    }) => {
      const mark = proxy.requests.length;
      await page.goto("/login");
      await loginAs(who);
      await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
      await expect(page.getByTestId(testId)).toHaveText(text);
      const served = proxy.since(mark);
      // Strict alternation: each instance served every other request, both served the flow.
      expect(served.filter((r) => r.upstream === A).length).toBeGreaterThan(1);
      expect(served.filter((r) => r.upstream === B).length).toBeGreaterThan(1);
      served.slice(1).forEach((r, i) => expect(r.upstream).not.toBe(served[i]!.upstream));
    });
  }

  test("Idura CIBA: an agent's customer verification completes alternating instances", async ({
    page,
    loginAs,
  }) => {
    await page.goto("/login");
    await loginAs(CALL_CENTRE_AGENT);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const mark = proxy.requests.length;
    await page.goto("/agent/verify");
    await loginAs({ provider: "idura-ciba", persona: "astrid" });
    await expect(page.getByTestId("ciba-approved")).toBeVisible();
    const served = proxy.since(mark);
    expect(new Set(served.map((r) => r.upstream))).toEqual(new Set([A, B]));
  });

  test("lost approval: approved on A, the old pending cookie on B still ends signed in", async ({
    sandbox,
  }) => {
    const client = new Client();
    const qr = await startQr(client, A);
    const pending = new Map(client.jar);
    await sandbox.digidentity.approveQr(qr, "ioe");
    expect((await qrStatus(client, A)).body).toEqual({ status: "approved" });
    // A second tab, a retried request or a lost response: B hears the old pending cookie.
    const other = new Client();
    for (const [k, v] of pending) other.jar.set(k, v);
    expect(await qrStatus(other, B)).toEqual({ status: 200, body: { status: "approved" } });
    // Whichever answer reached the browser last, it signs in.
    expect(await other.completeQr(B)).toBe(`${PROXY}/account`);
    expect((await other.session(A))?.identity?.provider).toBe("digidentity-qr");
  });

  test("a replayed approved QR cookie is refused, on either instance", async ({ sandbox }) => {
    const client = new Client();
    const qr = await startQr(client, A);
    await sandbox.digidentity.approveQr(qr, "ioe");
    expect((await qrStatus(client, B)).body).toEqual({ status: "approved" });
    const copy = new Client();
    for (const [k, v] of client.jar) copy.jar.set(k, v);
    expect(await client.completeQr(A)).toBe(`${PROXY}/account`);
    const refused = await copy.completeQr(B);
    expect(refused).not.toBe(`${PROXY}/account`);
    expect(new URL(refused).pathname).toBe("/auth/error");
    expect(new URL(refused).searchParams.get("reason")).toBe("login_already_used");
    expect(await copy.session(B)).toBeNull();
  });

  test("a replayed IDToken JWT is refused at /complete, on the other instance", async ({ page, loginAs }) => {
    // Capture what the page hands over: its cookies and the JWT the WebSocket brought.
    const completions: { cookie: string; body: string }[] = [];
    page.on("request", async (req) => {
      if (req.url().endsWith("/api/idtoken/complete") && req.method() === "POST") {
        completions.push({ cookie: (await req.allHeaders()).cookie ?? "", body: req.postData() ?? "" });
      }
    });
    await page.goto("/login");
    await loginAs({ provider: "idtoken", tokenId: "IDT-MARIE-DUPONT" });
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    expect(completions).toHaveLength(1);
    const [{ cookie, body }] = completions as [{ cookie: string; body: string }];
    for (const on of [A, B]) {
      const replay = await fetch(`${PROXY_FROM_NODE}/api/idtoken/complete`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "x-test-upstream": String(on) },
        body,
      });
      expect(replay.status).toBe(409);
      expect(((await replay.json()) as { error: string }).error).toBe("already_used");
    }
  });

  test("the Digidentity application token is fetched once for reports on both instances", async ({
    page,
    loginAs,
  }) => {
    const issued = async () => {
      const res = await fetch(`${UPSTREAM}/digidentity/control/issued`);
      const { issued: list } = (await res.json()) as { issued: { kind: string }[] };
      return list.filter((i) => i.kind === "application_token").length;
    };
    const before = await issued();
    await page.goto("/login");
    await loginAs({ provider: "digidentity-qr", persona: "ioe" });
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    for (const on of [A, B, A, B]) {
      const photo = await page.request.get("/api/digidentity/report/photo", {
        headers: { "x-test-upstream": String(on) },
      });
      expect(photo.status()).toBe(200);
    }
    expect(await issued()).toBe(before + 1);
  });

  test("the Digidentity token endpoint hears one call per poll interval for a login, across both instances", async () => {
    const client = new Client();
    await startQr(client, A);
    const mark = upstream.requests.length;
    const started = Date.now();
    let polls = 0;
    // As fast as the two instances answer, alternating, for three seconds.
    while (Date.now() - started < 3_000) {
      expect((await qrStatus(client, polls % 2)).body.status).toBe("pending");
      polls++;
    }
    const elapsed = Date.now() - started;
    const calls = upstream
      .since(mark)
      .filter((r) => r.path.startsWith("/digidentity/") && r.body?.includes("grant_type=authorization_code"));
    console.log(`pace: ${polls} polls, ${calls.length} token calls in ${elapsed} ms`);
    // The default interval is 1 s: at most one call per 0.9 s, however many polls.
    expect(polls).toBeGreaterThan(calls.length);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    // The shared mark lives 0.9 × the interval (lib/providers/digidentity/passwordless.ts).
    expect(calls.length).toBeLessThanOrEqual(Math.floor(elapsed / 900) + 1);
  });

  test("Redis stopped mid-login: polls are refused with state_unavailable, and the login carries on once it is back", async ({
    sandbox,
  }) => {
    const client = new Client();
    const qr = await startQr(client, A);
    expect((await qrStatus(client, B)).body.status).toBe("pending");
    await redis.stop();
    const refused = await qrStatus(client, A);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe("state_unavailable");
    expect((await client.fetch("/api/ready", { on: B })).status).toBe(503);
    redis = await startRedis(TEST_PORTS.instancesRedis);
    running.push(redis);
    await expect.poll(async () => (await client.fetch("/api/ready", { on: A })).status).toBe(200);
    await expect.poll(async () => (await client.fetch("/api/ready", { on: B })).status).toBe(200);
    await sandbox.digidentity.approveQr(qr, "ioe");
    await expect.poll(async () => (await qrStatus(client, B)).body.status).toBe("approved");
    expect(await client.completeQr(A)).toBe(`${PROXY}/account`);
  });

  test("readiness names the shared store; health stays plain liveness", async () => {
    const client = new Client();
    const ready = await client.fetch("/api/ready", { on: A });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, store: "redis" });
    expect(await (await client.fetch("/api/health", { on: B })).json()).toEqual({ ok: true });
  });
});

test.describe("start-up refusals", () => {
  test("a different AUTH_SECRET from the running instances' is refused, naming AUTH_SECRET", async () => {
    const { code, output } = await portalStartOutcome(TEST_PORTS.instanceC, {
      ...portalEnv(redis.url),
      AUTH_SECRET: "another-secret-for-instance-c-0123456789",
    });
    expect(code).toBe(1);
    expect(output).toContain(
      "AUTH_SECRET differs from the value the other portal instances sharing this Redis use",
    );
  });

  test("REDIS_URL without AUTH_SECRET or the Server Actions key is refused, naming both", async () => {
    const env = portalEnv(redis.url);
    delete (env as Record<string, string | undefined>).AUTH_SECRET;
    const { code, output } = await portalStartOutcome(TEST_PORTS.instanceC, {
      ...env,
      AUTH_SECRET: "",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "",
    });
    expect(code).toBe(1);
    expect(output).toContain("AUTH_SECRET: is required with REDIS_URL");
    expect(output).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: is required with REDIS_URL");
  });
});

test.describe("graceful shutdown", () => {
  const base = `http://127.0.0.1:${TEST_PORTS.instanceC}`;

  test("SIGTERM: no new logins and not ready, while running logins are still answered", async () => {
    const c = await startPortal(TEST_PORTS.instanceC, {
      ...portalEnv(redis.url),
      SHUTDOWN_DRAIN_SECONDS: "600",
    });
    try {
      const start = await fetch(`${base}/api/digidentity-qr/start`, { method: "POST" });
      const cookie = start.headers
        .getSetCookie()
        .map((s) => s.split(";")[0])
        .join("; ");
      void c.stop();
      await expect.poll(async () => (await fetch(`${base}/api/ready`)).status).toBe(503);
      const refused = await fetch(`${base}/api/digidentity-qr/start`, { method: "POST" });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: string }).error).toBe("shutting_down");
      const poll = await fetch(`${base}/api/digidentity-qr/status`, { headers: { cookie } });
      expect(poll.status).toBe(200);
      expect(((await poll.json()) as { status: string }).status).toBe("pending");
    } finally {
      c.signal("SIGKILL");
      await expectClosed(TEST_PORTS.instanceC, 15_000);
    }
  });

  test("SIGTERM with nothing running: the instance exits once the drain is over", async () => {
    const c = await startPortal(TEST_PORTS.instanceC, {
      ...portalEnv(redis.url),
      SHUTDOWN_DRAIN_SECONDS: "0",
    });
    void c.stop();
    await expectClosed(TEST_PORTS.instanceC, 15_000);
  });
});
