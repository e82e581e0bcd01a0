import { IDURA_LOGIN_BUTTONS, IDURA_PERSONAS } from "../kit";
import { expect, test, type Locator } from "./support/fixtures";
import { PERSONAS } from "./support/personas";
import { sandboxFor } from "./support/sandbox";

/** Astrid Lindqvist's (sandbox) personnummer. */
const ASTRID_SSN = IDURA_PERSONAS.astrid.nationalId;
/** The portal's QR lifetime in the test stack (DIGIDENTITY_QR_TTL_SECONDS' default). */
const QR_TTL_SECONDS = 120;

/** "1:58" → 118. */
function seconds(countdown: string): number {
  const [, m, s] = /(\d+):(\d\d)/.exec(countdown) ?? [];
  if (m === undefined || s === undefined) throw new Error(`no m:ss in "${countdown}"`);
  return Number(m) * 60 + Number(s);
}

/** The colour as the screen shows it: `rgb()` through a canvas, whatever notation CSS computed. */
async function borderRgb(element: Locator): Promise<[number, number, number]> {
  return element.evaluate((el) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = getComputedStyle(el).borderTopColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  });
}

test.describe("Device logins: countdowns from the server's expiry", () => {
  test("a slow start does not make the QR countdown start above the code's lifetime", async ({
    page,
    loginPage,
  }) => {
    // The start request reaches the portal 3 s late: a countdown measured from when the page
    // mounted would show the lifetime plus those 3 s (the 2:01-on-120-s bug); one from the
    // server's expiresAt cannot.
    await page.route("**/api/digidentity-qr/start", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.fulfill({ response: await route.fetch() });
    });
    const started = page.waitForResponse((r) => r.url().endsWith("/api/digidentity-qr/start"));
    await loginPage.goto();
    await loginPage.startQrLogin();
    const { expiresAt } = (await (await started).json()) as { expiresAt: number };
    const countdown = page.getByTestId("qr-countdown");
    await expect(countdown).toHaveText(/\d:\d\d/);
    // The clock read before the text: what is left then bounds what the page can show, however
    // long reading it takes on a busy machine (+1 for a render up to a second old).
    const readAt = Date.now();
    const shown = seconds((await countdown.textContent()) ?? "");
    expect(shown).toBeLessThanOrEqual(QR_TTL_SECONDS);
    // Never more than what is left of the server's expiry (same clock here: one machine).
    expect(shown).toBeLessThanOrEqual(Math.ceil((expiresAt - readAt) / 1000) + 1);
    expect(shown).toBeGreaterThan(0);
  });

  test("headless BankID shows the order's time left, never more than Idura's expires_in", async ({
    page,
  }) => {
    // The start answer reaches the page 3 s late, as in the QR test: the countdown still starts
    // at what is left of the server's expiry, not at the order's whole lifetime.
    await page.route("**/api/idura/headless/start", async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.fulfill({ response });
    });
    const started = page.waitForResponse((r) => r.url().endsWith("/api/idura/headless/start"));
    await page.goto("/login/bankid");
    const { expiresAt } = (await (await started).json()) as { expiresAt: number };
    const countdown = page.getByTestId("bankid-countdown");
    await expect(countdown).toHaveRole("timer");
    // What the eye sees (the screen-reader text moves in 30 s steps).
    const visible = countdown.locator("[aria-hidden=true]");
    await expect(visible).toHaveText(/^This BankID login expires in \d:\d\d$/);
    const shown = seconds((await visible.textContent()) ?? "");
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(Math.ceil((expiresAt - Date.now()) / 1000) + 1);
  });

  test("the agent's request shows its time left, never more than Idura's expires_in", async ({
    page,
    agentVerifyPage,
  }) => {
    await agentVerifyPage.signIn();
    const polled = page.waitForResponse((r) => r.url().endsWith("/api/idura/ciba/status"));
    await agentVerifyPage.ask(ASTRID_SSN);
    const { expiresAt } = (await (await polled).json()) as { expiresAt: number };
    const countdown = page.getByTestId("ciba-countdown");
    await expect(countdown).toHaveRole("timer");
    await expect(countdown).toHaveText(/\d:\d\d/);
    const readAt = Date.now();
    const shown = seconds((await countdown.textContent()) ?? "");
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(Math.ceil((expiresAt - readAt) / 1000) + 1);
  });
});

test.describe("Device logins: the shared poll", () => {
  test("the status route briefly answers 503 state_unavailable: the page waits and still signs in", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    sandbox,
  }) => {
    // Unavailable until the page has shown it is still trying: no window a slow machine can miss.
    let unavailable = true;
    let refused = 0;
    await page.route("**/api/digidentity-qr/status", async (route) => {
      if (unavailable) {
        refused += 1;
        await route.fulfill({
          status: 503,
          headers: { "retry-after": "1", "content-type": "application/json" },
          body: JSON.stringify({ error: "state_unavailable", message: "The login state is unavailable." }),
        });
        return;
      }
      await route.continue();
    });
    await loginPage.goto();
    await loginPage.startQrLogin();
    const url = await qrPage.scan();
    await expect(page.getByText("The login state is unavailable.")).toBeVisible();
    // Retry-After: 1, so a second refusal comes about a second after the first; then it recovers.
    await expect.poll(() => refused).toBeGreaterThanOrEqual(2);
    unavailable = false;
    await sandbox.digidentity.approveQr(url, "ioe");
    await accountPage.expectUids(PERSONAS.ioe.uids);
  });
});

test.describe("Device logins: outcomes look different, not only read different", () => {
  test("agent: 'Identity confirmed' is green with a tick, 'The caller declined' red", async ({
    page,
    agentVerifyPage,
  }) => {
    await agentVerifyPage.signIn();
    await agentVerifyPage.ask(ASTRID_SSN);
    await sandboxFor(page.request).idura.approveCiba(await agentVerifyPage.bindingMessage());
    const confirmed = page.getByRole("region", { name: "Identity confirmed" });
    await expect(confirmed).toHaveAttribute("data-outcome", "approved");
    const [gr, gg, gb] = await borderRgb(confirmed);
    expect(gg).toBeGreaterThan(gr);
    expect(gg).toBeGreaterThan(gb);

    await page.getByRole("button", { name: "Verify another caller" }).click();
    await agentVerifyPage.ask(ASTRID_SSN);
    await sandboxFor(page.request).idura.denyCiba(await agentVerifyPage.bindingMessage());
    const declined = page.getByRole("region", { name: "The caller declined" });
    await expect(declined).toHaveAttribute("data-outcome", "declined");
    const [rr, rg, rb] = await borderRgb(declined);
    expect(rr).toBeGreaterThan(rg);
    expect(rr).toBeGreaterThan(rb);
    await expect(page.getByRole("button", { name: "Start again" })).toBeVisible();
  });

  test("QR: an expired code is its own outcome, with a new code to try", async ({
    page,
    loginPage,
    qrPage,
    sandbox,
  }) => {
    await loginPage.goto();
    await loginPage.startQrLogin();
    const url = await qrPage.scan();
    await sandbox.digidentity.expireQr(url);
    const expired = page.getByRole("region", { name: "The QR code has expired" });
    await expect(expired).toHaveAttribute("data-outcome", "expired");
    await qrPage.retry();
    await expect(qrPage.qrImage()).toBeVisible();
  });
});

test.describe("Agent page: cancel and a way back", () => {
  test("cancel while waiting: the portal forgets the request and the form is back", async ({
    page,
    agentVerifyPage,
  }) => {
    await agentVerifyPage.signIn();
    await agentVerifyPage.ask(ASTRID_SSN);
    await agentVerifyPage.bindingMessage();
    await page.getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByTestId("ciba-cancelled")).toContainText("Request cancelled");
    await expect(page.getByLabel("Caller's national identity number")).toBeVisible();
    const status = await page.request.get("/api/idura/ciba/status");
    expect(status.status()).toBe(404);
    expect(((await status.json()) as { error: string }).error).toBe("no_request");
  });

  test("another person signing in on the agent's browser cannot read the agent's request", async ({
    page,
    context,
    loginPage,
    agentVerifyPage,
  }) => {
    await agentVerifyPage.signIn();
    await agentVerifyPage.ask(ASTRID_SSN);
    await agentVerifyPage.bindingMessage();
    // The agent's portal session ends without the page; Jens (a mechanic, no agent) signs in.
    await context.clearCookies({ name: /session-token/ });
    await loginPage.goto();
    await page.getByRole("button", { name: IDURA_LOGIN_BUTTONS["dk-mitid-business"] }).click();
    await page.getByLabel(IDURA_PERSONAS.jens.label).check();
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const status = await page.request.get("/api/idura/ciba/status");
    expect(status.status()).toBe(404);
    expect(((await status.json()) as { error: string }).error).toBe("no_request");
  });

  test("the way back leads to the account page", async ({ page, accountPage, agentVerifyPage }) => {
    await agentVerifyPage.signIn();
    await page.getByRole("link", { name: "Back to your account" }).click();
    await accountPage.expectLoaded();
  });
});
