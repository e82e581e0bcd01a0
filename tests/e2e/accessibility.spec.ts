import { DIGIDENTITY_ISSUER, SANDBOX_URL } from "./support/env";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { AccountPage, DigidentityForm, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";
import { sandboxFor } from "./support/sandbox";

/** Every page, in every state a person can see it in, with zero serious or critical violations. */
test.describe("accessibility (axe)", () => {
  test("login page, QR pending, QR expired, error page", async ({ page, request }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expectAccessible(page, "the login page");

    await login.startQrLogin();
    const qr = new QrPage(page);
    const url = await qr.scan();
    await expectAccessible(page, "the QR page, pending");
    await sandboxFor(request).digidentity.expireQr(url);
    await expect(page.getByRole("heading", { name: "The QR code has expired" })).toBeVisible();
    await expectAccessible(page, "the QR page, expired");

    await page.goto("/auth/error?reason=authorisation_revoked&ref=0123456789ab");
    await expectAccessible(page, "the error page");
    await page.goto("/no-such-page");
    await expectAccessible(page, "the not-found page");
  });

  test("account pages (IOE, RSSE) and the identity report", async ({ page, request }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.startWebLogin();
    const form = new DigidentityForm(page);
    await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
    await expectAccessible(page, "the sandbox's Digidentity sign-in page");
    await form.logIn(PERSONAS.ioe.label, "00000");
    await expect(page.getByRole("alert")).toBeVisible();
    await expectAccessible(page, "the sandbox's sign-in page with a wrong PIN");
    await form.logIn(PERSONAS.rsse.label);
    await new AccountPage(page).expectLoaded();
    await expectAccessible(page, "the account page (RSSE)");
    await new AccountPage(page).signOut();

    await login.startQrLogin();
    const url = await new QrPage(page).scan();
    await sandboxFor(request).digidentity.approveQr(url, "ioe");
    await new AccountPage(page).expectLoaded();
    await expectAccessible(page, "the account page (IOE, QR)");
    await page.getByRole("link", { name: "View your identity verification report" }).click();
    await expect(page.getByTestId("report-name")).toBeVisible();
    await expectAccessible(page, "the identity report");
  });

  test("sandbox pages: home, phone app, its answers", async ({ page, browser }) => {
    await page.goto(`${SANDBOX_URL}/`);
    await expectAccessible(page, "the sandbox home page");

    const login = new LoginPage(page);
    await login.goto();
    await login.startQrLogin();
    const url = await new QrPage(page).scan();
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await phoneContext.newPage();
    await phone.goto(url);
    await expectAccessible(phone, "the phone app page");
    await new DigidentityForm(phone).approve(PERSONAS.revoked.label);
    await expect(phone.getByRole("heading", { name: "Login refused" })).toBeVisible();
    await expectAccessible(phone, "the phone app's refusal");
    await phone.goto(`${DIGIDENTITY_ISSUER}/app/qr/AAAAAAAAAAAAAAAAAAAAAA`);
    await expectAccessible(phone, "the phone app's expired page");
    await phoneContext.close();
  });
});
