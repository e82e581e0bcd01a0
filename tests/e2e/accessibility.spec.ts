import { DIGIDENTITY_ISSUER, SANDBOX_URL } from "./support/env";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { PERSONAS } from "./support/personas";

/** Every page, in every state a person can see it in, with zero serious or critical violations. */
test.describe("accessibility (axe)", () => {
  test("login page, QR pending, QR expired, error page", async ({ page, loginPage, qrPage, sandbox }) => {
    await loginPage.goto();
    await expectAccessible(page, "the login page");

    await loginPage.startQrLogin();
    const url = await qrPage.scan();
    await expectAccessible(page, "the QR page, pending");
    await sandbox.digidentity.expireQr(url);
    await expect(page.getByRole("heading", { name: "The QR code has expired" })).toBeVisible();
    await expectAccessible(page, "the QR page, expired");

    await page.goto("/auth/error?reason=authorisation_revoked&ref=0123456789ab");
    await expectAccessible(page, "the error page");
    await page.goto("/no-such-page");
    await expectAccessible(page, "the not-found page");
  });

  test("account pages (IOE, RSSE) and the identity report", async ({
    page,
    loginPage,
    digidentityForm,
    qrPage,
    accountPage,
    sandbox,
  }) => {
    await loginPage.goto();
    await loginPage.startWebLogin();
    await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
    await expectAccessible(page, "the sandbox's Digidentity sign-in page");
    await digidentityForm.logIn(PERSONAS.ioe.label, "00000");
    await expect(page.getByRole("alert")).toBeVisible();
    await expectAccessible(page, "the sandbox's sign-in page with a wrong PIN");
    await digidentityForm.logIn(PERSONAS.rsse.label);
    await accountPage.expectLoaded();
    await expectAccessible(page, "the account page (RSSE)");
    await accountPage.signOut();

    await loginPage.startQrLogin();
    const url = await qrPage.scan();
    await sandbox.digidentity.approveQr(url, "ioe");
    await accountPage.expectLoaded();
    await expectAccessible(page, "the account page (IOE, QR)");
    await page.getByRole("link", { name: "View your identity verification report" }).click();
    await expect(page.getByTestId("report-name")).toBeVisible();
    await expectAccessible(page, "the identity report");
  });

  test("sandbox pages: home, phone app, its answers", async ({
    page,
    loginPage,
    qrPage,
    phone,
    digidentityApp,
  }) => {
    await page.goto(`${SANDBOX_URL}/`);
    await expectAccessible(page, "the sandbox home page");

    await loginPage.goto();
    await loginPage.startQrLogin();
    const url = await qrPage.scan();
    await phone.goto(url);
    await expectAccessible(phone, "the phone app page");
    await digidentityApp.approve(PERSONAS.revoked.label);
    await expect(phone.getByRole("heading", { name: "Login refused" })).toBeVisible();
    await expectAccessible(phone, "the phone app's refusal");
    await phone.goto(`${DIGIDENTITY_ISSUER}/app/qr/AAAAAAAAAAAAAAAAAAAAAA`);
    await expectAccessible(phone, "the phone app's expired page");
  });
});
