import { IDURA_PERSONAS } from "../kit";
import { expect, test } from "./support/fixtures";

import { IDURA_LAB_CLIENT, TEST_PORTS } from "./support/env";
import {
  clientLabPortal,
  REFUSED_MODES,
  refusalTests,
  VERIFY_TITLE,
  watchRefusal,
  type FlowFixtures,
} from "./support/misbehaviour";

/**
 * Every way the Idura sandbox can answer wrongly, against a portal that is Idura's second client
 * (so the main portal's Idura tests keep logging in normally). The web login meets every mode;
 * CIBA and headless BankID get their ID tokens from the same issuing function, so its modes
 * reach them too.
 */
test.describe.configure({ mode: "serial" });

/** Astrid Lindqvist's (sandbox) personnummer, for CIBA's login_hint. */
const ASTRID_SSN = IDURA_PERSONAS.astrid.nationalId;

test.describe("the portal refuses every bad answer from Idura", () => {
  const lab = clientLabPortal("idura", TEST_PORTS.iduraLabPortal, IDURA_LAB_CLIENT, {
    IDURA_HEADLESS_POLL_SECONDS: "1",
    // Karen, who logs in here anyway, is this portal's call-centre agent (her sandbox `sub`).
    CALL_CENTRE_AGENTS: "idura:{8f2d1c3e-5a7b-4c9d-8e1f-2a3b4c5d6e7f}",
  });

  async function mitidLogin({
    page,
    loginPage,
    iduraLoginForm,
  }: Pick<FlowFixtures, "page" | "loginPage" | "iduraLoginForm">) {
    await loginPage.goto(lab.url);
    await page.getByRole("button", { name: "Log in with MitID via Idura", exact: true }).click();
    await iduraLoginForm.logIn("MitID (substantial)", IDURA_PERSONAS.karen.label);
  }

  async function expectKaren({ page, accountPage }: Pick<FlowFixtures, "page" | "accountPage">) {
    await accountPage.expectLoaded();
    await expect(page.getByTestId("eid-name")).toHaveText("Karen Nielsen");
  }

  refusalTests(lab, {
    name: "web login",
    provider: "Idura",
    // The portal takes Idura's claims from the verified ID token and never asks userinfo.
    modes: REFUSED_MODES.filter((mode) => mode !== "userinfo_sub_mismatch"),
    login: mitidLogin,
    expectLoggedIn: expectKaren,
  });

  test("web login: userinfo about someone else cannot mislead the portal, which never asks it", async ({
    page,
    request,
    loginPage,
    iduraLoginForm,
    accountPage,
  }) => {
    await lab.misbehave(request, "userinfo_sub_mismatch");
    await mitidLogin({ page, loginPage, iduraLoginForm });
    await expectKaren({ page, accountPage });
  });

  for (const mode of ["bad_signature", "expired"] as const) {
    test(`CIBA: ${mode} is refused, and nobody is confirmed`, async ({
      page,
      request,
      loginPage,
      iduraLoginForm,
      accountPage,
      agentVerifyPage,
      sandbox,
    }) => {
      // The agent logs in while Idura behaves, then the caller's answer misbehaves.
      await lab.misbehave(request, "none");
      await mitidLogin({ page, loginPage, iduraLoginForm });
      await expectKaren({ page, accountPage });
      await lab.misbehave(request, mode);
      const refusal = watchRefusal(page, lab.url);
      await agentVerifyPage.open();
      await agentVerifyPage.ask(ASTRID_SSN);
      await sandbox.idura.approveCiba(await agentVerifyPage.bindingMessage());
      await refusal.inPlace("ciba-ended", VERIFY_TITLE, { signedIn: true });
      await expect(page.getByTestId("ciba-customer-name")).toHaveCount(0);
      const cookies = await page.context().cookies(lab.url);
      expect(cookies.map((c) => c.name)).not.toContain("idura-ciba");
    });

    test(`headless BankID: ${mode} is refused`, async ({ page, request, bankIdQrPage, bankIdApp }) => {
      await lab.misbehave(request, mode);
      const refusal = watchRefusal(page, lab.url);
      await bankIdQrPage.goto(lab.url);
      await bankIdApp.open();
      await bankIdApp.scan(await bankIdQrPage.scan());
      await bankIdApp.identify(IDURA_PERSONAS.astrid.label);
      await refusal.inPlace("bankid-ended", VERIFY_TITLE);
    });
  }
});
