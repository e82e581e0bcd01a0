import { expect, test, type Browser, type Page } from "./support/fixtures";

import { AccountPage, DigidentityForm, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";
import { sandboxFor } from "./support/sandbox";

/** A desktop browser on the login page, asking for a QR code. */
async function openQrLogin(page: Page): Promise<QrPage> {
  const login = new LoginPage(page);
  await login.goto();
  await login.startQrLogin();
  await expect(page.getByRole("heading", { name: "Log in with the Digidentity app" })).toBeVisible();
  return new QrPage(page);
}

/** A phone of its own (separate context, phone viewport) that opens the URL it scanned. */
async function phoneOpens(browser: Browser, url: string): Promise<Page> {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: /Digidentity app/ })).toBeVisible();
  return page;
}

test.describe("Digidentity QR login", () => {
  test("the phone scans the QR and approves with the PIN: the desktop shows the IOE UIDs", async ({
    page,
    browser,
  }) => {
    const qr = await openQrLogin(page);
    await expect(page.getByTestId("qr-countdown")).toContainText(/expires in \d:\d\d/);
    await expect(page.getByRole("link", { name: /Open in the Digidentity app/ })).toBeVisible();
    const url = await qr.scan();

    const phone = await phoneOpens(browser, url);
    await new DigidentityForm(phone).approve(PERSONAS.ioe.label);
    await expect(phone.getByRole("heading", { name: "Login approved" })).toBeVisible();

    const account = new AccountPage(page);
    await account.expectLoaded();
    await account.expectUids(PERSONAS.ioe.uids);
    await expect(page.getByTestId("login-provider")).toHaveText("Digidentity app (QR code)");
    await phone.context().close();
  });

  test("RSSE by QR: both UID sets", async ({ page, browser }) => {
    const url = await (await openQrLogin(page)).scan();
    const phone = await phoneOpens(browser, url);
    await new DigidentityForm(phone).approve(PERSONAS.rsse.label);
    await new AccountPage(page).expectUids(PERSONAS.rsse.uids);
    await phone.context().close();
  });

  test("declined in the app: the desktop says so and offers a new QR code", async ({ page, browser }) => {
    const qr = await openQrLogin(page);
    const url = await qr.scan();
    const phone = await phoneOpens(browser, url);
    await new DigidentityForm(phone).decline();
    await expect(phone.getByRole("heading", { name: "Login declined" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "The login was declined in the app" })).toBeVisible();
    await qr.retry();
    const second = await qr.scan();
    expect(second).not.toBe(url);
    await phone.context().close();
  });

  test("expired: the desktop says the QR expired; a new one works", async ({ page, browser, request }) => {
    const qr = await openQrLogin(page);
    const url = await qr.scan();
    await sandboxFor(request).digidentity.expireQr(url);

    await expect(page.getByRole("heading", { name: "The QR code has expired" })).toBeVisible();

    await qr.retry();
    const fresh = await qr.scan();
    const phone2 = await phoneOpens(browser, fresh);
    await new DigidentityForm(phone2).approve(PERSONAS.ioe.label);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
    await phone2.context().close();
  });

  test("an expired QR code tells the phone user too", async ({ page, browser, request }) => {
    const url = await (await openQrLogin(page)).scan();
    await sandboxFor(request).digidentity.expireQr(url);
    const phone = await browser.newContext();
    const phonePage = await phone.newPage();
    await phonePage.goto(url);
    await expect(phonePage.getByRole("heading", { name: "This QR code has expired" })).toBeVisible();
    await phone.close();
  });

  test("revoked authorisation: the desktop shows the refusal", async ({ page, browser }) => {
    const url = await (await openQrLogin(page)).scan();
    const phone = await phoneOpens(browser, url);
    await new DigidentityForm(phone).approve(PERSONAS.revoked.label);
    await expect(phone.getByRole("heading", { name: "Login refused" })).toBeVisible();

    await expect(
      page.getByRole("heading", { name: "Your SERMI authorisation has been revoked" }),
    ).toBeVisible();
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toBeNull();
    await phone.context().close();
  });

  test("the code and tokens never reach page JavaScript", async ({ page }) => {
    const started = page.waitForResponse((r) => r.url().endsWith("/api/digidentity-qr/start"));
    await openQrLogin(page);
    const body = (await (await started).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["expiresAt", "pollIntervalMs", "qrCodeUri"]);

    const cookies = await page.context().cookies();
    const loginCookie = cookies.find((c) => c.name.endsWith("digidentity-qr"));
    expect(loginCookie?.httpOnly).toBe(true);
    expect(loginCookie?.sameSite).toBe("Lax");
    expect(await page.evaluate(() => document.cookie)).not.toContain("digidentity-qr");
  });

  test("two people at once: each browser ends with exactly its own identity", async ({ browser }) => {
    const alice = await browser.newContext();
    const bob = await browser.newContext();
    const alicePage = await alice.newPage();
    const bobPage = await bob.newPage();
    const aliceUrl = await (await openQrLogin(alicePage)).scan();
    const bobUrl = await (await openQrLogin(bobPage)).scan();
    expect(aliceUrl).not.toBe(bobUrl);

    // Approved in the opposite order from the one they started in.
    const bobPhone = await phoneOpens(browser, bobUrl);
    await new DigidentityForm(bobPhone).approve(PERSONAS.rsse.label);
    const alicePhone = await phoneOpens(browser, aliceUrl);
    await new DigidentityForm(alicePhone).approve(PERSONAS.ioe.label);

    await new AccountPage(alicePage).expectUids(PERSONAS.ioe.uids);
    await expect(alicePage.getByTestId("uid-rsseuid")).toHaveCount(0);
    await new AccountPage(bobPage).expectUids(PERSONAS.rsse.uids);
    for (const c of [alice, bob, bobPhone.context(), alicePhone.context()]) await c.close();
  });
});
