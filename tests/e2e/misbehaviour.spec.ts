import { expect, test, type Page } from "./support/fixtures";

import { LAB_CLIENT, SANDBOX_URL, TEST_PORTS } from "./support/env";
import { AccountPage, DigidentityForm, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";
import { qrIdFromUri } from "./support/sandbox";
import {
  expectNoSession,
  labPortal,
  PROVIDER_ERROR_TITLE,
  REFUSED_MODES,
  VERIFY_TITLE,
  watchRefusal,
} from "./support/misbehaviour";

/**
 * Every way the sandbox can answer wrongly, against a portal that is the sandbox's second client
 * (so the main portal's tests keep logging in normally). Each must end on its specific page,
 * with no session.
 */
test.describe.configure({ mode: "serial" });

test.describe("the portal refuses every bad identity-provider answer", () => {
  const lab = labPortal(
    TEST_PORTS.labPortal,
    { DIGIDENTITY_CLIENT_ID: LAB_CLIENT.id, DIGIDENTITY_CLIENT_SECRET: LAB_CLIENT.secret },
    { provider: "digidentity", clientId: LAB_CLIENT.id },
  );

  async function webLogin(page: Page) {
    const login = new LoginPage(page);
    await login.goto(lab.url);
    await login.startWebLogin();
    await new DigidentityForm(page).logIn(PERSONAS.ioe.label);
  }

  test("a well-behaved answer logs in (the lab portal works)", async ({ page, request }) => {
    await lab.misbehave(request, "none");
    await webLogin(page);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
  });

  for (const mode of REFUSED_MODES) {
    test(`web login: ${mode} is refused`, async ({ page, request }) => {
      await lab.misbehave(request, mode);
      const refusal = watchRefusal(page, lab.url);
      await webLogin(page);
      await refusal.onErrorPage("id_token_invalid", VERIFY_TITLE);
    });
  }

  test("web login: access_denied has its own page", async ({ page, request }) => {
    await lab.misbehave(request, "access_denied");
    const refusal = watchRefusal(page, lab.url);
    await webLogin(page);
    await refusal.onErrorPage("access_denied", "Digidentity did not grant access");
  });

  test("web login: a token endpoint answering garbage", async ({ page, request }) => {
    await lab.misbehave(request, "garbage");
    const refusal = watchRefusal(page, lab.url);
    await webLogin(page);
    await refusal.onErrorPage("provider_error", PROVIDER_ERROR_TITLE);
  });

  test("web login: a rotated signing key is picked up from the JWKS and accepted", async ({
    page,
    request,
  }) => {
    await lab.misbehave(request, "none");
    await webLogin(page);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
    await page.context().clearCookies();
    await lab.misbehave(request, "rotated_key");
    await webLogin(page);
    await new AccountPage(page).expectUids(PERSONAS.ioe.uids);
  });

  for (const mode of ["bad_signature", "wrong_nonce", "userinfo_sub_mismatch"] as const) {
    test(`QR login: ${mode} is refused`, async ({ page, request }) => {
      await lab.misbehave(request, mode);
      await page.goto(`${lab.url}/login/qr`);
      const url = await new QrPage(page).scan();
      const approved = await request.post(
        `${SANDBOX_URL}/digidentity/control/qr/${qrIdFromUri(url)}/approve`,
        {
          data: { persona: "ioe" },
        },
      );
      expect(approved.ok()).toBeTruthy();
      await expect(page.getByRole("heading", { name: VERIFY_TITLE })).toBeVisible();
      await expectNoSession(page, lab.url);
    });
  }
});
