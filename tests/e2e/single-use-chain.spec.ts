import { expect, test } from "./support/fixtures";

import { expectLoginError } from "./support/pages";
import { PERSONAS } from "./support/personas";
import { sandboxFor } from "./support/sandbox";

// One chain authorisation, used in order: these tests share the sandbox's state on purpose.
test.describe.configure({ mode: "serial" });

test.describe("single-use chain authorisation", () => {
  test.beforeAll(async ({ request }) => {
    await sandboxFor(request).digidentity.reset();
  });

  test("the first login with it succeeds", async ({ loginPage, accountPage }) => {
    await loginPage.logInWithDigidentity(PERSONAS.rsseOnce.label);
    await accountPage.expectUids(PERSONAS.rsseOnce.uids);
    await accountPage.signOut();
  });

  test("a second web login is refused", async ({ page, loginPage }) => {
    await loginPage.logInWithDigidentity(PERSONAS.rsseOnce.label);
    await expectLoginError(
      page,
      "chain_authorisation_used",
      "Your chain authorisation has already been used",
    );
  });

  test("a QR login is refused too", async ({ page, loginPage, qrPage, phone, digidentityApp }) => {
    await loginPage.goto();
    await loginPage.startQrLogin();
    const url = await qrPage.scan();
    await phone.goto(url);
    await digidentityApp.approve(PERSONAS.rsseOnce.label);
    await expect(phone.getByRole("heading", { name: "Login refused" })).toBeVisible();
    await expect(
      page.getByRole("heading", { name: "Your chain authorisation has already been used" }),
    ).toBeVisible();
  });
});
