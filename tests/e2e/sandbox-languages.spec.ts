import { expect, PHONE, test } from "./support/fixtures";

import { DEMO_PIN, SANDBOX_URL } from "./support/env";
import { MITID } from "./support/mitid";
import { PERSONAS } from "./support/personas";
import { SandboxLanguage } from "./support/sandbox-languages";

test.describe("sandbox languages", () => {
  // The phone is set to Danish; the computer (`page`) keeps the suite's English.
  test.use({ phoneOptions: { ...PHONE, locale: "da-DK" } });

  test("a phone set to Danish gets the Digidentity app in Danish while the computer stays English", async ({
    loginPage,
    qrPage,
    accountPage,
    phone,
  }) => {
    await loginPage.goto();
    await loginPage.startQrLogin();
    const url = await qrPage.scan();

    await phone.goto(url);
    await expect(phone.getByRole("heading", { name: "Digidentity-app (sandkasse)" })).toBeVisible();
    // The phone's switcher: `sandboxLanguage` is the computer's.
    await new SandboxLanguage(phone).expectPageIn("da");
    await phone.getByLabel(PERSONAS.ioe.label).check();
    await phone.getByLabel("Pinkode", { exact: true }).fill(DEMO_PIN);
    await phone.getByRole("button", { name: "Godkend" }).click();
    await expect(phone.getByRole("heading", { name: "Login godkendt" })).toBeVisible();

    await accountPage.expectLoaded();
  });

  test("the switcher changes the sandbox's language and a cookie remembers it", async ({
    page,
    sandboxLanguage,
  }) => {
    await page.goto(`${SANDBOX_URL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("eID provider sandbox");
    await sandboxLanguage.choose("Nederlands");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sandbox voor eID-aanbieders");
    await sandboxLanguage.expectPageIn("nl");
    await expect(
      page.getByRole("img", { name: `QR-code die ${SANDBOX_URL}/ op een telefoon opent` }),
    ).toBeVisible();

    await page.goto(`${SANDBOX_URL}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sandbox voor eID-aanbieders");
    await expect(sandboxLanguage.switcher().getByRole("link", { name: "Nederlands" })).toHaveAttribute(
      "aria-current",
      "true",
    );
  });

  test("switching in the middle of the MitID screens keeps the step and applies from the next one", async ({
    page,
    mitidChoices,
    sandboxLanguage,
  }) => {
    await mitidChoices.plain();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await page.getByLabel("User ID").fill(MITID.peter.userId);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Choose how to approve" })).toBeVisible();

    await sandboxLanguage.chooseForNextPage("Dansk");
    await expect(page.getByRole("heading", { name: "Choose how to approve" })).toBeVisible();
    await page.getByRole("button", { name: "MitID app" }).click();
    await expect(page.getByRole("heading", { name: "Godkend i MitID app" })).toBeVisible();
    await page.getByLabel("Pinkode").fill(MITID.credentials.appPin);
    await page.getByRole("button", { name: "Godkend med pinkode" }).click();
    await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
  });
});
