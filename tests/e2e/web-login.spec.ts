import { expect, test } from "./support/fixtures";

import { expectLoginError } from "./support/pages";
import { PERSONAS } from "./support/personas";

test.describe("Digidentity web login", () => {
  test("IOE persona: the account page shows the seed's IOE UID set", async ({
    page,
    loginPage,
    accountPage,
  }) => {
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label);

    await accountPage.expectLoaded();
    await accountPage.expectUids(PERSONAS.ioe.uids);
    await expect(page.getByTestId("account-role")).toContainText("independent operator employee (IOE)");
    await expect(page.getByTestId("login-provider")).toHaveText("Digidentity (web login)");
    await expect(page.getByTestId("uid-rssuid")).toHaveCount(0);
  });

  test("RSSE persona: both UID sets, with the IOE it acts for", async ({ page, loginPage, accountPage }) => {
    await loginPage.logInWithDigidentity(PERSONAS.rsse.label);

    await accountPage.expectLoaded();
    await accountPage.expectUids(PERSONAS.rsse.uids);
    await expect(page.getByTestId("account-role")).toContainText("chain authorisation");
    await expect(
      page.getByRole("heading", { name: "The IOE you act for (chain authorisation)" }),
    ).toBeVisible();
  });

  test("revoked authorisation: refused with a page that says so", async ({ page, loginPage }) => {
    await loginPage.logInWithDigidentity(PERSONAS.revoked.label);

    await expectLoginError(page, "authorisation_revoked", "Your SERMI authorisation has been revoked");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a wrong PIN is refused at Digidentity, the right one logs in", async ({
    page,
    loginPage,
    digidentityForm,
    accountPage,
  }) => {
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label, { pin: "99999" });
    await expect(page.getByRole("alert")).toHaveText("Wrong PIN. Try again.");
    await digidentityForm.logIn(PERSONAS.ioe.label);
    await accountPage.expectUids(PERSONAS.ioe.uids);
  });

  test("cancelling at Digidentity ends on the cancelled page, with no session", async ({
    page,
    loginPage,
  }) => {
    await loginPage.goto();
    await loginPage.startWebLogin();
    await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();

    await expectLoginError(page, "cancelled", "You cancelled the login");
    await expect(page.getByTestId("error-ref")).toHaveText(/^[0-9a-f]{12}$/);
    await page.getByRole("link", { name: "Back to the login page" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("sign out ends the session", async ({ page, loginPage, accountPage }) => {
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label);
    await accountPage.expectLoaded();
    await accountPage.signOut();

    await page.goto("/account");
    await expect(page).toHaveURL(/\/login$/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toBeNull();
  });

  test("the error page shows only known reasons, never text from the URL", async ({ page }) => {
    await page.goto("/auth/error?reason=%3Cb%3Epwned%3C%2Fb%3E&ref=not-a-ref");
    await expect(page.getByTestId("login-error")).toHaveAttribute("data-reason", "unknown");
    await expect(page.getByText("pwned")).toHaveCount(0);
    await expect(page.getByTestId("error-ref")).toHaveCount(0);
  });
});
