import { expect, test, type APIResponse } from "./support/fixtures";

async function expectApiError(res: APIResponse, status: number, error: string) {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = (await res.json()) as { error: string; message: string };
  expect(body.error).toBe(error);
  expect(body.message.length).toBeGreaterThan(0);
}

test.describe("the QR login route handlers", () => {
  test("status poll with a tampered cookie", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: {
        cookie: "digidentity-qr=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..AAAA.BBBB.CCCC",
      },
    });
    await expectApiError(await request.get("/api/digidentity-qr/status"), 401, "no_login");
    await request.dispose();
  });

  test("a bare start answers only the QR URI, expiry and pace, and sets an httpOnly cookie", async ({
    request,
  }) => {
    const res = await request.post("/api/digidentity-qr/start");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { qrCodeUri: string; expiresAt: number; pollIntervalMs: number };
    expect(body.qrCodeUri).toMatch(/\/digidentity\/app\/qr\/[^/]+$/);
    expect(body.pollIntervalMs).toBe(1000);
    const setCookie =
      res
        .headersArray()
        .filter((h) => h.name.toLowerCase() === "set-cookie")
        .find((h) => h.value.startsWith("digidentity-qr="))?.value ?? "";
    expect(setCookie).toMatch(/^digidentity-qr=/);
    expect(setCookie.toLowerCase()).toContain("httponly");

    const poll = await request.get("/api/digidentity-qr/status");
    expect(await poll.json()).toMatchObject({ status: "pending" });
  });
});
