import { readFileSync } from "node:fs";

import { expect, test } from "./support/fixtures";

import { SANDBOX_URL, TEST_PORTS } from "./support/env";
import { MITID, recordRequestUrls } from "./support/mitid";
import { startPortal } from "./support/portal-process";
import { expectLoginError } from "./support/pages";

/**
 * The key differences of Signicat Enterprise (the `/oidc` platform) against a portal configured
 * for it: prefills (a CPR typed on the portal, a CVR) inside a JWE of the parameters, Enterprise's
 * error codes, and the step-up on `auth_token_id`. The main portal speaks to the eID Hub.
 */
// One portal for the file: its tests run in order in one worker (with fullyParallel, a second
// worker would run beforeAll again and start a second portal on the same port).
test.describe.configure({ mode: "default" });

const port = TEST_PORTS.signicatEnterprisePortal;
const portalUrl = `http://localhost:${port}`;
let stop = async () => {};

test.beforeAll(async () => {
  ({ stop } = await startPortal(port, {
    SANDBOX_URL,
    SIGNICAT_PLATFORM: "enterprise",
    SIGNICAT_ACR_VALUES: "urn:signicat:oidc:method:mitid",
  }));
});
test.afterAll(() => stop());

const { peter, helle } = MITID;

test.describe("Signicat Enterprise", () => {
  test("a CPR typed on the portal travels in the JWE: matched with no prompt, never in a URL or log", async ({
    page,
    accountPage,
    mitidScreens,
    mitidChoices,
  }) => {
    const urls = recordRequestUrls(page);
    await mitidChoices.on(portalUrl).withCprMatch("280554-2112");
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    const authorize = new URL(urls.find((u) => u.includes("/signicat/oidc/authorize"))!);
    expect(authorize.searchParams.get("acr_values")).toBe("urn:signicat:oidc:method:mitid");
    expect(authorize.searchParams.get("request")).toMatch(/^[\w-]+\.[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+$/);
    await mitidScreens.logIn(peter.userId);

    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-masked")).toHaveText(peter.masked);
    await expect(page.getByTestId("mitid-uuid")).toHaveText(peter.uuid);
    // Enterprise reports no MitID levels in the claims this portal asks for: said, not guessed.
    await expect(page.getByTestId("mitid-loa")).toHaveText("Not given");
    for (const url of urls) expect(decodeURIComponent(url)).not.toMatch(/2805542112|280554-2112/);
    expect(readFileSync(`logs/e2e/portal-${port}.log`, "utf8")).not.toMatch(/2805542112|280554-2112/);
  });

  test("a CVR she cannot sign for: Enterprise's lacks-signatory-rights code, its own page", async ({
    page,
    mitidScreens,
    mitidChoices,
  }) => {
    await mitidChoices.on(portalUrl).actForCompany("99999999");
    await mitidScreens.logIn(helle.userId);
    await expectLoginError(page, "lacks_signatory_rights", "You cannot act for that company");
  });

  test("a CVR prefill restricts the choice to that company", async ({
    page,
    accountPage,
    mitidScreens,
    mitidChoices,
  }) => {
    await mitidChoices.on(portalUrl).actForCompany("34567890");
    await mitidScreens.logIn(helle.userId);
    await expect(page.getByRole("radio")).toHaveCount(1);
    await mitidScreens.pick("Jensen Holding ApS");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-cvr")).toHaveText("34567890");
  });

  test("step up on auth_token_id: no user ID, only the stronger authenticator", async ({
    page,
    accountPage,
    mitidScreens,
    mitidChoices,
  }) => {
    await mitidChoices.on(portalUrl).plain();
    await mitidScreens.logIn(peter.userId);
    await accountPage.expectLoaded();
    await page.getByRole("button", { name: "Step up to High" }).click();
    await expect(page.getByTestId("step-up-notice")).toContainText("assurance level HIGH");
    await expect(page.getByLabel("User ID")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "MitID code display" })).toHaveCount(0);
    await mitidScreens.approveWithBiometrics();
    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-uuid")).toHaveText(peter.uuid);
  });

  test("a cancel comes back as urn:signicat:error:usercancel: the cancelled page", async ({
    page,
    mitidScreens,
    mitidChoices,
  }) => {
    await mitidChoices.on(portalUrl).plain();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await mitidScreens.cancel();
    await expectLoginError(page, "cancelled", "You cancelled the login");
  });
});
