import { expect, test } from "./support/kit-test";
import { SANDBOX_URL } from "./support/env";

test.use({ kit: { sandboxUrl: SANDBOX_URL } });

test("the header says who is signed in and how; signing out is confirmed", async ({ page, loginAs }) => {
  await page.goto("/login");
  await expect(page.getByTestId("session-header")).toHaveCount(0);
  await loginAs({ provider: "signicat", userId: "peter.hansen" });
  const header = page.getByTestId("session-header");
  await expect(header).toHaveText(/^Peter Hansen · Signed in with Signicat/);
  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("signed-out")).toHaveText(
    "You have signed out. Log in again whenever you need the portal.",
  );
  await expect(page.getByTestId("session-header")).toHaveCount(0);
});

test("a SERMI login names the provider, not a person (Digidentity gives no name)", async ({
  page,
  loginAs,
}) => {
  await page.goto("/login");
  await loginAs({ provider: "digidentity", persona: "ioe" });
  await expect(page.getByTestId("session-header")).toHaveText(/^Signed in with Digidentity/);
});

for (const [lang, privacy, support] of [
  ["en-GB", "Privacy", "Support"],
  ["nl-NL", "Privacy", "Ondersteuning"],
  ["da-DK", "Privatliv", "Support"],
] as const) {
  test.describe(`footer in ${lang}`, () => {
    test.use({ locale: lang });
    test(`the footer leads to the privacy and support pages (${lang})`, async ({ page }) => {
      await page.goto("/login");
      const footer = page.getByRole("contentinfo");
      await footer.getByRole("link", { name: privacy }).click();
      await expect(page.getByRole("heading", { level: 1, name: privacy })).toBeVisible();
      await page.getByRole("contentinfo").getByRole("link", { name: support }).click();
      await expect(page.getByRole("heading", { level: 1, name: support })).toBeVisible();
    });
  });
}

test("the account page says what the login permits, in words: no acr, no scopes, no CPR never asked", async ({
  page,
  loginAs,
}) => {
  await page.goto("/login");
  await loginAs({ provider: "idura", persona: "karen" });
  await expect(page.getByTestId("account-permits")).toHaveText(
    "With this login you can read the repair and maintenance information that is not security-related. Security-related information needs a SERMI login with Digidentity.",
  );
  await expect(page.getByTestId("eid-acr")).toHaveText("MitID, substantial level");
  await expect(page.getByTestId("eid-loa")).toHaveText("Substantial");
  await expect(page.locator("main")).not.toContainText("urn:");
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("signed-out")).toBeVisible();

  await loginAs({ provider: "signicat", userId: "peter.hansen" });
  await expect(page.getByTestId("account-permits")).toBeVisible();
  await expect(page.getByRole("heading", { name: "CPR match" })).toHaveCount(0);
  await expect(page.getByTestId("cpr-masked")).toHaveCount(0);
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("signed-out")).toBeVisible();

  await loginAs({ provider: "digidentity", persona: "ioe" });
  await expect(page.getByTestId("account-permits")).toContainText(
    "security-related information included, for the independent operator named below",
  );
  await expect(page.getByTestId("login-time").locator("time")).toHaveAttribute(
    "datetime",
    /^\d{4}-\d\d-\d\dT/,
  );
});
