import { expect, test, type APIRequestContext, type Page } from "./support/fixtures";

import { LAB_CLIENT, SANDBOX_URL, TEST_PORTS } from "./support/env";
import { AccountPage, DigidentityForm, expectLoginError, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";
import { startPortal } from "./support/portal-process";
import { qrIdFromUri } from "./support/sandbox";
import { REFUSED_MODES, VERIFY_TITLE } from "./support/misbehaviour";

/**
 * Every way the sandbox can answer wrongly, against a portal that is the sandbox's second client
 * (so the main portal's tests keep logging in normally). Each must end on its specific page,
 * with no session.
 */
test.describe.configure({ mode: "serial" });

async function misbehave(request: APIRequestContext, mode: string) {
  const res = await request.post(`${SANDBOX_URL}/digidentity/control/misbehaviour`, {
    data: { client_id: LAB_CLIENT.id, mode },
  });
  expect(res.ok()).toBeTruthy();
}

async function expectNoSession(page: Page, portalUrl: string) {
  const session = await page.request.get(`${portalUrl}/api/auth/session`);
  expect(await session.json()).toBeNull();
}

test.describe("the portal refuses every bad identity-provider answer", () => {
  let lab: Awaited<ReturnType<typeof startPortal>> | undefined;
  let misissued: Awaited<ReturnType<typeof startPortal>> | undefined;

  test.beforeAll(async () => {
    [lab, misissued] = await Promise.all([
      startPortal(TEST_PORTS.labPortal, {
        SANDBOX_URL,
        DIGIDENTITY_CLIENT_ID: LAB_CLIENT.id,
        DIGIDENTITY_CLIENT_SECRET: LAB_CLIENT.secret,
      }),
      startPortal(TEST_PORTS.misissuedPortal, {
        SANDBOX_URL,
        DIGIDENTITY_ISSUER: `${SANDBOX_URL}/digidentity/misissued`,
        DIGIDENTITY_CLIENT_ID: LAB_CLIENT.id,
        DIGIDENTITY_CLIENT_SECRET: LAB_CLIENT.secret,
      }),
    ]);
  });

  test.afterAll(async ({ request }) => {
    await misbehave(request, "none");
    lab?.stop();
    misissued?.stop();
  });

  async function webLogin(page: Page, portalUrl: string) {
    await page.goto(`${portalUrl}/login`);
    await new LoginPage(page).startWebLogin();
    await new DigidentityForm(page).logIn(PERSONAS.ioe.label);
  }

  test("a well-behaved answer logs in (the lab portal works)", async ({ page, request }) => {
    await misbehave(request, "none");
    await webLogin(page, lab!.url);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
  });

  for (const mode of REFUSED_MODES) {
    test(`web login: ${mode} is refused`, async ({ page, request }) => {
      await misbehave(request, mode);
      await webLogin(page, lab!.url);
      await expectLoginError(page, "id_token_invalid", VERIFY_TITLE);
      await expect(page.getByTestId("error-ref")).toHaveText(/^[0-9a-f]{12}$/);
      await expectNoSession(page, lab!.url);
    });
  }

  test("web login: access_denied has its own page", async ({ page, request }) => {
    await misbehave(request, "access_denied");
    await webLogin(page, lab!.url);
    await expectLoginError(page, "access_denied", "Digidentity did not grant access");
    await expectNoSession(page, lab!.url);
  });

  test("web login: a token endpoint answering garbage", async ({ page, request }) => {
    await misbehave(request, "garbage");
    await webLogin(page, lab!.url);
    await expectLoginError(page, "provider_error", "The identity provider answered something unexpected");
    await expectNoSession(page, lab!.url);
  });

  test("web login: a rotated signing key is picked up from the JWKS and accepted", async ({
    page,
    request,
  }) => {
    await misbehave(request, "none");
    await webLogin(page, lab!.url);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
    await page.context().clearCookies();
    await misbehave(request, "rotated_key");
    await webLogin(page, lab!.url);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
  });

  for (const mode of ["bad_signature", "wrong_nonce", "userinfo_sub_mismatch"] as const) {
    test(`QR login: ${mode} is refused`, async ({ page, request }) => {
      await misbehave(request, mode);
      await page.goto(`${lab!.url}/login/qr`);
      const url = await new QrPage(page).scan();
      const approved = await request.post(
        `${SANDBOX_URL}/digidentity/control/qr/${qrIdFromUri(url)}/approve`,
        {
          data: { persona: "ioe" },
        },
      );
      expect(approved.ok()).toBeTruthy();
      await expect(page.getByRole("heading", { name: VERIFY_TITLE })).toBeVisible();
      await expectNoSession(page, lab!.url);
    });
  }

  test("a discovery document that names another issuer is refused", async ({ page }) => {
    await page.goto(`${misissued!.url}/login`);
    await new LoginPage(page).startWebLogin();
    await expectLoginError(page, "id_token_invalid", VERIFY_TITLE);

    await page.goto(`${misissued!.url}/login/qr`);
    await expect(page.getByRole("heading", { name: "We could not get a QR code" })).toBeVisible();
  });
});
