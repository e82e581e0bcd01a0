import { expect, test } from "./support/fixtures";

import { AccountPage, DigidentityForm, expectLoginError, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";
import { sandboxFor } from "./support/sandbox";

// One chain authorisation, used in order: these tests share the sandbox's state on purpose.
test.describe.configure({ mode: "serial" });

test.describe("single-use chain authorisation", () => {
  test.beforeAll(async ({ request }) => {
    await sandboxFor(request).digidentity.reset();
  });

  test("the first login with it succeeds", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.startWebLogin();
    await new DigidentityForm(page).logIn(PERSONAS.rsseOnce.label);
    const account = new AccountPage(page);
    await account.expectUids(PERSONAS.rsseOnce.uids);
    await account.signOut();
  });

  test("a second web login is refused", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.startWebLogin();
    await new DigidentityForm(page).logIn(PERSONAS.rsseOnce.label);
    await expectLoginError(
      page,
      "chain_authorisation_used",
      "Your chain authorisation has already been used",
    );
  });

  test("a QR login is refused too", async ({ page, browser }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.startQrLogin();
    const url = await new QrPage(page).scan();
    const phone = await browser.newPage();
    await phone.goto(url);
    await new DigidentityForm(phone).approve(PERSONAS.rsseOnce.label);
    await expect(phone.getByRole("heading", { name: "Login refused" })).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Your chain authorisation has already been used" }),
    ).toBeVisible();
    await phone.close();
  });
});
