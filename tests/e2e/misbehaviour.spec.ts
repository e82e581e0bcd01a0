import type { Sandbox } from "../kit";
import { expect, test, type Page } from "./support/fixtures";

import { LAB_CLIENT, TEST_PORTS } from "./support/env";
import type { QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";
import {
  clientLabPortal,
  expectNoSession,
  REFUSED_MODES,
  refusalTests,
  VERIFY_TITLE,
} from "./support/misbehaviour";

/**
 * Every way the sandbox can answer wrongly, against a portal that is the sandbox's second client
 * (so the main portal's tests keep logging in normally). Each must end on its specific page,
 * with no session.
 */
test.describe.configure({ mode: "serial" });

test.describe("the portal refuses every bad identity-provider answer", () => {
  const lab = clientLabPortal("digidentity", TEST_PORTS.labPortal, LAB_CLIENT);

  refusalTests(lab, {
    name: "web login",
    provider: "Digidentity",
    // The portal sends Digidentity no nonce (docs/providers/digidentity.md), so there is none to
    // get wrong; an unasked nonce is still refused, by the QR tests below.
    modes: REFUSED_MODES.filter((mode) => mode !== "wrong_nonce" && mode !== "missing_nonce"),
    login: ({ loginPage }) => loginPage.logInWithDigidentity(PERSONAS.ioe.label, { portalUrl: lab.url }),
    expectLoggedIn: ({ accountPage }) => accountPage.expectUids(PERSONAS.ioe.uids),
  });

  /** A QR login on the lab portal, approved by the sandbox's control endpoint for the IOE persona. */
  async function qrLogin(page: Page, qrPage: QrPage, sandbox: Sandbox) {
    await page.goto(`${lab.url}/login/qr`);
    const url = await qrPage.scan();
    await sandbox.digidentity.approveQr(url, "ioe");
  }

  // wrong_aud fails oauth4webapi's check of the token answer while polling; the others fail when
  // the login completes. Each ends on the same words.
  for (const mode of ["bad_signature", "wrong_aud", "userinfo_sub_mismatch"] as const) {
    test(`QR login: ${mode} is refused`, async ({ page, request, qrPage, sandbox }) => {
      await lab.misbehave(request, mode);
      await qrLogin(page, qrPage, sandbox);
      await expect(page.getByRole("heading", { name: VERIFY_TITLE })).toBeVisible();
      await expectNoSession(page, lab.url);
    });
  }

  // Whether Digidentity's token answers carry an ID token is not public: a login without one
  // rests on userinfo alone and is accepted, on both flows.
  test("web login: a token answer without an ID token is accepted", async ({
    request,
    loginPage,
    accountPage,
  }) => {
    await lab.misbehave(request, "no_id_token");
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label, { portalUrl: lab.url });
    await accountPage.expectUids(PERSONAS.ioe.uids);
  });

  test("QR login: a token answer without an ID token is accepted", async ({
    page,
    request,
    qrPage,
    accountPage,
    sandbox,
  }) => {
    await lab.misbehave(request, "no_id_token");
    await qrLogin(page, qrPage, sandbox);
    await accountPage.expectUids(PERSONAS.ioe.uids);
  });
});
