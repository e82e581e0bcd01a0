import { expect, PHONE, test, type Page } from "./support/fixtures";

import { AccountPage, DigidentityForm, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";

/** A desktop browser on the login page, asking for a QR code. */
async function openQrLogin(page: Page, login: LoginPage) {
  await login.goto();
  await login.startQrLogin();
  await expect(page.getByRole("heading", { name: "Log in with the Digidentity app" })).toBeVisible();
}

/** The phone (a context of its own, phone viewport) opens the URL it scanned. */
async function phoneOpens(phone: Page, url: string) {
  await phone.goto(url);
  await expect(phone.getByRole("heading", { name: /Digidentity app/ })).toBeVisible();
}

test.describe("Digidentity QR login", () => {
  test("the phone scans the QR and approves with the PIN: the desktop shows the IOE UIDs", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    phone,
    digidentityApp,
  }) => {
    await openQrLogin(page, loginPage);
    await expect(page.getByTestId("qr-countdown")).toContainText(/expires in \d:\d\d/);
    await expect(page.getByRole("link", { name: /Open in the Digidentity app/ })).toBeVisible();
    const url = await qrPage.scan();

    await phoneOpens(phone, url);
    await digidentityApp.approve(PERSONAS.ioe.label);
    await expect(phone.getByRole("heading", { name: "Login approved" })).toBeVisible();

    await accountPage.expectLoaded();
    await accountPage.expectUids(PERSONAS.ioe.uids);
    await expect(page.getByTestId("login-provider")).toHaveText("Digidentity app (QR code)");
  });

  test("RSSE by QR: both UID sets", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    phone,
    digidentityApp,
  }) => {
    await openQrLogin(page, loginPage);
    await phoneOpens(phone, await qrPage.scan());
    await digidentityApp.approve(PERSONAS.rsse.label);
    await accountPage.expectUids(PERSONAS.rsse.uids);
  });

  test("declined in the app: the desktop says so and offers a new QR code", async ({
    page,
    loginPage,
    qrPage,
    phone,
    digidentityApp,
  }) => {
    await openQrLogin(page, loginPage);
    const url = await qrPage.scan();
    await phoneOpens(phone, url);
    await digidentityApp.decline();
    await expect(phone.getByRole("heading", { name: "Login declined" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "The login was declined in the app" })).toBeVisible();
    await qrPage.retry();
    const second = await qrPage.scan();
    expect(second).not.toBe(url);
  });

  test("expired: the desktop says the QR expired; a new one works", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    sandbox,
    phone,
    digidentityApp,
  }) => {
    await openQrLogin(page, loginPage);
    const url = await qrPage.scan();
    await sandbox.digidentity.expireQr(url);

    await expect(page.getByRole("heading", { name: "The QR code has expired" })).toBeVisible();

    await qrPage.retry();
    const fresh = await qrPage.scan();
    await phoneOpens(phone, fresh);
    await digidentityApp.approve(PERSONAS.ioe.label);
    await accountPage.expectUids(PERSONAS.ioe.uids);
  });

  test("an expired QR code tells the phone user too", async ({ page, loginPage, qrPage, sandbox, phone }) => {
    await openQrLogin(page, loginPage);
    const url = await qrPage.scan();
    await sandbox.digidentity.expireQr(url);
    await phone.goto(url);
    await expect(phone.getByRole("heading", { name: "This QR code has expired" })).toBeVisible();
  });

  test("revoked authorisation: the desktop shows the refusal", async ({
    page,
    loginPage,
    qrPage,
    phone,
    digidentityApp,
  }) => {
    await openQrLogin(page, loginPage);
    await phoneOpens(phone, await qrPage.scan());
    await digidentityApp.approve(PERSONAS.revoked.label);
    await expect(phone.getByRole("heading", { name: "Login refused" })).toBeVisible();

    await expect(
      page.getByRole("heading", { name: "Your SERMI authorisation has been revoked" }),
    ).toBeVisible();
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toBeNull();
  });

  test("the code and tokens never reach page JavaScript", async ({ page, loginPage }) => {
    const started = page.waitForResponse((r) => r.url().endsWith("/api/digidentity-qr/start"));
    await openQrLogin(page, loginPage);
    const body = (await (await started).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["expiresAt", "pollIntervalMs", "qrCodeUri"]);

    const cookies = await page.context().cookies();
    const loginCookie = cookies.find((c) => c.name.endsWith("digidentity-qr"));
    expect(loginCookie?.httpOnly).toBe(true);
    expect(loginCookie?.sameSite).toBe("Lax");
    expect(await page.evaluate(() => document.cookie)).not.toContain("digidentity-qr");
  });

  test("two people at once: each browser ends with exactly its own identity", async ({ browser }) => {
    // Two desktops and two phones: each page object is made for its own person's page.
    const alice = await browser.newContext();
    const bob = await browser.newContext();
    const alicePage = await alice.newPage();
    const bobPage = await bob.newPage();
    await openQrLogin(alicePage, new LoginPage(alicePage));
    const aliceUrl = await new QrPage(alicePage).scan();
    await openQrLogin(bobPage, new LoginPage(bobPage));
    const bobUrl = await new QrPage(bobPage).scan();
    expect(aliceUrl).not.toBe(bobUrl);

    // Approved in the opposite order from the one they started in.
    const bobPhone = await (await browser.newContext(PHONE)).newPage();
    await phoneOpens(bobPhone, bobUrl);
    await new DigidentityForm(bobPhone).approve(PERSONAS.rsse.label);
    const alicePhone = await (await browser.newContext(PHONE)).newPage();
    await phoneOpens(alicePhone, aliceUrl);
    await new DigidentityForm(alicePhone).approve(PERSONAS.ioe.label);

    await new AccountPage(alicePage).expectUids(PERSONAS.ioe.uids);
    await expect(alicePage.getByTestId("uid-rsseuid")).toHaveCount(0);
    await new AccountPage(bobPage).expectUids(PERSONAS.rsse.uids);
    for (const c of [alice, bob, bobPhone.context(), alicePhone.context()]) await c.close();
  });
});
