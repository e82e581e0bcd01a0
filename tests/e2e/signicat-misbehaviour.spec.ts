import { expect, test, type Page } from "./support/fixtures";

import { SIGNICAT_LAB_CLIENT, TEST_PORTS } from "./support/env";
import { MITID, MitidScreens, PortalMitidChoices } from "./support/mitid";
import {
  labPortal,
  PROVIDER_ERROR_TITLE,
  REFUSED_MODES,
  VERIFY_TITLE,
  watchRefusal,
} from "./support/misbehaviour";

/**
 * Every way the Signicat sandbox can answer wrongly, against a portal that is Signicat's second
 * client (so the main portal's MitID tests keep logging in normally). Each must end on its
 * specific page, with no session. A plain MitID login is the quickest way through the screens.
 */
test.describe.configure({ mode: "serial" });

test.describe("the portal refuses every bad answer from Signicat", () => {
  const lab = labPortal(
    TEST_PORTS.signicatLabPortal,
    { SIGNICAT_CLIENT_ID: SIGNICAT_LAB_CLIENT.id, SIGNICAT_CLIENT_SECRET: SIGNICAT_LAB_CLIENT.secret },
    { provider: "signicat", clientId: SIGNICAT_LAB_CLIENT.id },
  );

  async function mitidLogin(page: Page) {
    await new PortalMitidChoices(page, lab.url).plain();
    await new MitidScreens(page).logIn(MITID.peter.userId);
  }

  async function expectLoggedIn(page: Page) {
    await expect(page).toHaveURL(`${lab.url}/account`);
    await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
    await expect(page.getByTestId("mitid-uuid")).toHaveText(MITID.peter.uuid);
  }

  test("a well-behaved answer logs in (the lab portal works)", async ({ page, request }) => {
    await lab.misbehave(request, "none");
    await mitidLogin(page);
    await expectLoggedIn(page);
  });

  for (const mode of REFUSED_MODES) {
    test(`MitID login: ${mode} is refused`, async ({ page, request }) => {
      await lab.misbehave(request, mode);
      const refusal = watchRefusal(page, lab.url);
      await mitidLogin(page);
      await refusal.onErrorPage("id_token_invalid", VERIFY_TITLE);
    });
  }

  test("MitID login: access_denied has its own page, naming Signicat", async ({ page, request }) => {
    await lab.misbehave(request, "access_denied");
    const refusal = watchRefusal(page, lab.url);
    await mitidLogin(page);
    await refusal.onErrorPage("access_denied", "Signicat did not grant access");
  });

  test("MitID login: a token endpoint answering garbage", async ({ page, request }) => {
    await lab.misbehave(request, "garbage");
    const refusal = watchRefusal(page, lab.url);
    await mitidLogin(page);
    await refusal.onErrorPage("provider_error", PROVIDER_ERROR_TITLE);
    await expect(page.getByText(/^The answer from Signicat could not be understood/)).toBeVisible();
  });

  test("MitID login: a rotated signing key is picked up from the JWKS and accepted", async ({
    page,
    request,
  }) => {
    await lab.misbehave(request, "none");
    await mitidLogin(page);
    await expectLoggedIn(page);
    await page.context().clearCookies();
    await lab.misbehave(request, "rotated_key");
    await mitidLogin(page);
    await expectLoggedIn(page);
  });
});
