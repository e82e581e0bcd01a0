import { expect, test } from "./support/fixtures";

import { SANDBOX_URL, TEST_PORTS } from "./support/env";

import { ISSUER_MISMATCH_TITLE, labPortal, watchRefusal } from "./support/misbehaviour";

/**
 * A mix-up: each provider's configured issuer serves a discovery document that names another
 * issuer (the sandbox's `…/misissued` fixtures). Its endpoints and keys cannot be trusted, so
 * every login through it is refused before the browser is sent anywhere.
 */
// One portal for all: its tests run in one worker, one after another, sharing nothing else.
test.describe.configure({ mode: "default" });

test.describe("a discovery document that names another issuer is refused", () => {
  const misissued = labPortal(TEST_PORTS.misissuedPortal, {
    DIGIDENTITY_ISSUER: `${SANDBOX_URL}/digidentity/misissued`,
    SIGNICAT_ISSUER: `${SANDBOX_URL}/signicat/auth/open/misissued`,
    IDURA_ISSUER: `${SANDBOX_URL}/idura/misissued`,
  });

  test("Digidentity web login", async ({ page, loginPage }) => {
    const refusal = watchRefusal(page, misissued.url);
    await loginPage.goto(misissued.url);
    await loginPage.startWebLogin();
    await refusal.onErrorPage("issuer_mismatch", ISSUER_MISMATCH_TITLE);
  });

  test("Digidentity QR login", async ({ page }) => {
    await page.goto(`${misissued.url}/login/qr`);
    await expect(page.getByRole("heading", { name: "We could not get a QR code" })).toBeVisible();
  });

  test("Signicat MitID login", async ({ page, mitidChoices }) => {
    const refusal = watchRefusal(page, misissued.url);
    await mitidChoices.on(misissued.url).plain();
    await refusal.onErrorPage("issuer_mismatch", ISSUER_MISMATCH_TITLE);
  });

  test("Idura web login", async ({ page, loginPage }) => {
    const refusal = watchRefusal(page, misissued.url);
    await loginPage.goto(misissued.url);
    await page.getByRole("button", { name: "Log in with MitID via Idura", exact: true }).click();
    await refusal.onErrorPage("issuer_mismatch", ISSUER_MISMATCH_TITLE);
  });
});
