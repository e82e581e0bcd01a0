import { expect, test, type APIRequestContext, type Page } from "./support/fixtures";

import { SANDBOX_URL, SIGNICAT_LAB_CLIENT, TEST_PORTS } from "./support/env";
import { expectLoginError } from "./support/pages";
import { MITID, MitidScreens, PortalMitidChoices } from "./support/mitid";
import { startPortal } from "./support/portal-process";
import { REFUSED_MODES, VERIFY_TITLE } from "./support/misbehaviour";

/**
 * Every way the Signicat sandbox can answer wrongly, against a portal that is Signicat's second
 * client (so the main portal's MitID tests keep logging in normally). Each must end on its
 * specific page, with no session. A plain MitID login is the quickest way through the screens.
 */
test.describe.configure({ mode: "serial" });

async function misbehave(request: APIRequestContext, mode: string) {
  const res = await request.post(`${SANDBOX_URL}/signicat/control/misbehaviour`, {
    data: { client_id: SIGNICAT_LAB_CLIENT.id, mode },
  });
  expect(res.ok()).toBeTruthy();
}

async function expectNoSession(page: Page, portalUrl: string) {
  const session = await page.request.get(`${portalUrl}/api/auth/session`);
  expect(await session.json()).toBeNull();
}

test.describe("the portal refuses every bad answer from Signicat", () => {
  let lab: Awaited<ReturnType<typeof startPortal>> | undefined;

  test.beforeAll(async () => {
    lab = await startPortal(TEST_PORTS.signicatLabPortal, {
      SANDBOX_URL,
      SIGNICAT_CLIENT_ID: SIGNICAT_LAB_CLIENT.id,
      SIGNICAT_CLIENT_SECRET: SIGNICAT_LAB_CLIENT.secret,
    });
  });

  test.afterAll(async ({ request }) => {
    await misbehave(request, "none");
    lab?.stop();
  });

  async function mitidLogin(page: Page) {
    await new PortalMitidChoices(page, lab!.url).plain();
    await new MitidScreens(page).logIn(MITID.peter.userId);
  }

  async function expectLoggedIn(page: Page) {
    await expect(page).toHaveURL(`${lab!.url}/account`);
    await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
    await expect(page.getByTestId("mitid-uuid")).toHaveText(MITID.peter.uuid);
  }

  test("a well-behaved answer logs in (the lab portal works)", async ({ page, request }) => {
    await misbehave(request, "none");
    await mitidLogin(page);
    await expectLoggedIn(page);
  });

  for (const mode of REFUSED_MODES) {
    test(`MitID login: ${mode} is refused`, async ({ page, request }) => {
      await misbehave(request, mode);
      await mitidLogin(page);
      await expectLoginError(page, "id_token_invalid", VERIFY_TITLE);
      await expect(page.getByTestId("error-ref")).toHaveText(/^[0-9a-f]{12}$/);
      await expectNoSession(page, lab!.url);
    });
  }

  test("MitID login: access_denied has its own page, naming Signicat", async ({ page, request }) => {
    await misbehave(request, "access_denied");
    await mitidLogin(page);
    await expectLoginError(page, "access_denied", "Signicat did not grant access");
    await expectNoSession(page, lab!.url);
  });

  test("MitID login: a token endpoint answering garbage", async ({ page, request }) => {
    await misbehave(request, "garbage");
    await mitidLogin(page);
    await expectLoginError(page, "provider_error", "The identity provider answered something unexpected");
    await expect(page.getByText(/^The answer from Signicat could not be understood/)).toBeVisible();
    await expectNoSession(page, lab!.url);
  });

  test("MitID login: a rotated signing key is picked up from the JWKS and accepted", async ({
    page,
    request,
  }) => {
    await misbehave(request, "none");
    await mitidLogin(page);
    await expectLoggedIn(page);
    await page.context().clearCookies();
    await misbehave(request, "rotated_key");
    await mitidLogin(page);
    await expectLoggedIn(page);
  });
});
