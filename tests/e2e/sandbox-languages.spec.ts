import { expect, test } from "./support/fixtures";

import { SANDBOX_URL } from "./support/env";
import { MITID, PortalMitidChoices } from "./support/mitid";
import { AccountPage, LoginPage, QrPage } from "./support/pages";
import { SandboxLanguage } from "./support/sandbox-languages";

test.describe("sandbox languages", () => {
  test("a phone set to Danish gets the Digidentity app in Danish while the computer stays English", async ({
    page,
    browser,
  }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.startQrLogin();
    const url = await new QrPage(page).scan();

    const phone = await browser.newContext({
      locale: "da-DK",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(url);
    await expect(phonePage.getByRole("heading", { name: "Digidentity-app (sandkasse)" })).toBeVisible();
    await new SandboxLanguage(phonePage).expectPageIn("da");
    await phonePage.getByLabel("Ingrid Oever — IOE").check();
    await phonePage.getByLabel("Pinkode", { exact: true }).fill("12345");
    await phonePage.getByRole("button", { name: "Godkend" }).click();
    await expect(phonePage.getByRole("heading", { name: "Login godkendt" })).toBeVisible();

    await new AccountPage(page).expectLoaded();
    await phone.close();
  });

  test("the switcher changes the sandbox's language and a cookie remembers it", async ({ page }) => {
    const language = new SandboxLanguage(page);
    await page.goto(`${SANDBOX_URL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("eID provider sandbox");
    await language.choose("Nederlands");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sandbox voor eID-aanbieders");
    await language.expectPageIn("nl");
    await expect(
      page.getByRole("img", { name: `QR-code die ${SANDBOX_URL}/ op een telefoon opent` }),
    ).toBeVisible();

    await page.goto(`${SANDBOX_URL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sandbox voor eID-aanbieders");
    await expect(language.switcher().getByRole("link", { name: "Nederlands" })).toHaveAttribute(
      "aria-current",
      "true",
    );
  });

  test("switching in the middle of the MitID screens keeps the step and applies from the next one", async ({
    page,
  }) => {
    await new PortalMitidChoices(page).plain();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await page.getByLabel("User ID").fill(MITID.peter.userId);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Choose how to approve" })).toBeVisible();

    await new SandboxLanguage(page).chooseForNextPage("Dansk");
    await expect(page.getByRole("heading", { name: "Choose how to approve" })).toBeVisible();
    await page.getByRole("button", { name: "MitID app" }).click();
    await expect(page.getByRole("heading", { name: "Godkend i MitID app" })).toBeVisible();
    await page.getByLabel("Pinkode").fill(MITID.credentials.appPin);
    await page.getByRole("button", { name: "Godkend med pinkode" }).click();
    await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
  });
});
