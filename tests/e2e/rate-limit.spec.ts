import { expect, test, type APIResponse } from "./support/fixtures";

import { SANDBOX_URL, TEST_PORTS } from "./support/env";
import { startPortal } from "./support/portal-process";

type Portal = Awaited<ReturnType<typeof startPortal>>;

async function expectLimited(res: APIResponse) {
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await res.json()) as unknown).toMatchObject({ error: "rate_limited" });
}

/** A login started on one portal, as the cookie header a browser would send back. */
async function startLogin(portal: Portal): Promise<string> {
  const res = await fetch(`${portal.url.replace("localhost", "127.0.0.1")}/api/digidentity-qr/start`, {
    method: "POST",
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const poll = (portal: Portal, cookie: string) =>
  fetch(`${portal.url.replace("localhost", "127.0.0.1")}/api/digidentity-qr/status`, { headers: { cookie } });

test.describe.configure({ mode: "serial" });

test.describe("rate limits", () => {
  const portals: Portal[] = [];
  let limited: Portal;
  let redisA: Portal;
  let redisB: Portal;

  test.beforeAll(async () => {
    const low = {
      SANDBOX_URL,
      RATE_LIMIT_POLL_PER_BROWSER: "4",
      RATE_LIMIT_START_PER_ADDRESS: "3",
    };
    const redis = {
      ...low,
      REDIS_URL: `redis://127.0.0.1:${TEST_PORTS.redis}`,
      // Several instances share one Server Actions key (lib/state/config.ts refuses to start without).
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      RATE_LIMIT_START_PER_ADDRESS: "100",
    };
    [limited, redisA, redisB] = await Promise.all([
      startPortal(TEST_PORTS.limitedPortal, low),
      startPortal(TEST_PORTS.redisPortalA, redis),
      startPortal(TEST_PORTS.redisPortalB, redis),
    ]);
    portals.push(limited, redisA, redisB);
  });

  test.afterAll(() => Promise.all(portals.map((p) => p.stop())));

  test("status polls beyond the per-browser limit get 429 with Retry-After", async ({ playwright }) => {
    const cookie = await startLogin(limited);
    for (let i = 0; i < 4; i++) expect((await poll(limited, cookie)).status).toBe(200);
    const api = await playwright.request.newContext({ extraHTTPHeaders: { cookie } });
    await expectLimited(await api.get(`${limited.url}/api/digidentity-qr/status`));
    await api.dispose();
  });

  test("starting logins beyond the per-address limit gets 429", async ({ request }) => {
    // One start was used by the test above; two more fit in the minute.
    for (let i = 0; i < 2; i++)
      expect((await request.post(`${limited.url}/api/digidentity-qr/start`)).status()).toBe(200);
    await expectLimited(await request.post(`${limited.url}/api/digidentity-qr/start`));
  });

  test("the QR page says so in plain words when starting is limited", async ({ page }) => {
    await page.goto(`${limited.url}/login/qr`);
    await expect(page.getByRole("heading", { name: "We could not get a QR code" })).toBeVisible();
    await expect(page.getByText(/Too many requests\. Wait \d+ s and try again\./)).toBeVisible();
  });

  test("with REDIS_URL, two portal instances enforce one limit together", async ({ playwright }) => {
    const cookie = await startLogin(redisA);
    // Alternating instances: four polls in all are allowed, the fifth is refused on either.
    expect((await poll(redisA, cookie)).status).toBe(200);
    expect((await poll(redisB, cookie)).status).toBe(200);
    expect((await poll(redisA, cookie)).status).toBe(200);
    expect((await poll(redisB, cookie)).status).toBe(200);
    const api = await playwright.request.newContext({ extraHTTPHeaders: { cookie } });
    await expectLimited(await api.get(`${redisA.url}/api/digidentity-qr/status`));
    await expectLimited(await api.get(`${redisB.url}/api/digidentity-qr/status`));
    await api.dispose();
  });
});
