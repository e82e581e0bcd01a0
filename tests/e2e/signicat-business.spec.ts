import { expect, test } from "./support/fixtures";

import { SANDBOX_URL } from "./support/env";
import { MITID } from "./support/mitid";
import { sandboxFor } from "./support/sandbox";
import { expectLoginError } from "./support/pages";

test.describe("Signicat MitID Business and Private for Business", () => {
  test("MitID Business: the employee picks one of two business identities", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.business();
    await mitidScreens.logIn(MITID.erik.userId);
    await expect(page.getByRole("heading", { name: "Choose your business identity" })).toBeVisible();
    await expect(page.getByRole("radio")).toHaveCount(2);
    await mitidScreens.pick("Nordhavn Cykler I/S");

    await accountPage.expectLoaded();
    await expect(page.getByTestId("login-provider")).toHaveText("MitID Business (Signicat)");
    await expect(page.getByTestId("org-name")).toHaveText("Nordhavn Cykler I/S");
    await expect(page.getByTestId("org-cvr")).toHaveText("45678901");
    await expect(page.getByTestId("org-pnumber")).toHaveText("1019283746");
    await expect(page.getByTestId("org-role")).toHaveText(
      "Employee with a MitID Business identity (Erik Hansen)",
    );
    await expect(page.getByTestId("org-alone")).toHaveText("Yes");
  });

  test("MitID Business: the other identity cannot represent the company alone", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.business();
    await mitidScreens.logIn(MITID.erik.userId);
    await mitidScreens.pick("Testorganisation nr. 96413608");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-cvr")).toHaveText("96413608");
    await expect(page.getByTestId("org-pnumber")).toHaveText("1028556051");
    await expect(page.getByTestId("org-alone")).toHaveText("No");
  });

  test("Private for Business: the company is chosen at Signicat, and chosen again to switch", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.goto();
    // The eID Hub has no CVR prefill, so the portal offers none and says where the choice is made.
    await expect(page.getByLabel("CVR number (optional)")).toHaveCount(0);
    await expect(page.getByText("You choose the company at Signicat after MitID.")).toBeVisible();
    await mitidChoices.actForCompany();
    await mitidScreens.logIn(MITID.helle.userId);
    await expect(page.getByRole("heading", { name: "Choose who you act for" })).toBeVisible();
    await mitidScreens.pick("Jensen Holding ApS");

    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-name")).toHaveText("Jensen Holding ApS");
    await expect(page.getByTestId("org-cvr")).toHaveText("34567890");
    await expect(page.getByTestId("org-role")).toHaveText("Signatory, registered at Virk");

    await expect(page.getByLabel("CVR number of the company")).toHaveCount(0);
    await expect(page.getByText("Log in again and choose another company at Signicat.")).toBeVisible();
    await page.getByRole("button", { name: "Switch company" }).click();
    await mitidScreens.logIn(MITID.helle.userId);
    await expect(page.getByRole("radio")).toHaveCount(3);
    await mitidScreens.pick("Jensen Services");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-name")).toHaveText("Jensen Services");
    await expect(page.getByTestId("org-cvr")).toHaveText("23456789");
  });

  test("Private for Business without a prefill: all three companies from Virk", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.actForCompany();
    await mitidScreens.logIn(MITID.helle.userId);
    await expect(page.getByRole("radio")).toHaveCount(3);
    await mitidScreens.pick("Helles Blomster");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-cvr")).toHaveText("56789012");
  });

  test("cancel at the company choice: the cancelled page, no session", async ({
    page,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.business();
    await mitidScreens.logIn(MITID.erik.userId);
    await expect(page.getByRole("heading", { name: "Choose your business identity" })).toBeVisible();
    await mitidScreens.cancel();
    await expectLoginError(page, "cancelled", "You cancelled the login");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("cancel at the user ID: the cancelled page", async ({ page, mitidChoices, mitidScreens }) => {
    await mitidChoices.plain();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await mitidScreens.cancel();
    await expectLoginError(page, "cancelled", "You cancelled the login");
  });

  test("a dedicated business identity logs in with MitID Business", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.business();
    await mitidScreens.logIn(MITID.mette.userId);
    await mitidScreens.pick("Testorganisation nr. 96413608");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-role")).toHaveText(
      "Employee with a MitID Business identity (Mette Berg)",
    );
    await expect(page.getByTestId("cpr-masked")).toHaveCount(0);
  });
});

test.describe("Signicat MitID: step-up", () => {
  test("step up to High on the eID Hub: a new login that asks for High, so only the stronger authenticator", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.plain();
    await mitidScreens.logIn(MITID.peter.userId);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-loa")).toHaveText("Substantial");
    await expect(page.getByText("You type your MitID user ID again.")).toBeVisible();

    await page.getByRole("button", { name: "Step up to High" }).click();
    // The eID Hub has no auth_token_id step-up: the user ID again, then what reaches High.
    await mitidScreens.userId(MITID.peter.userId);
    await expect(page.getByRole("button", { name: "MitID code display" })).toHaveCount(0);
    await page.getByRole("button", { name: "MitID app" }).click();
    await expect(page.getByRole("button", { name: "Approve with PIN" })).toHaveCount(0);
    await page.getByRole("button", { name: "Approve with biometrics" }).click();

    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-loa")).toHaveText("High");
    await expect(page.getByTestId("mitid-aal")).toHaveText("High");
    await expect(page.getByTestId("mitid-uuid")).toHaveText(MITID.peter.uuid);
    await expect(page.getByRole("button", { name: "Step up to High" })).toHaveCount(0);
  });

  test("a login already at High offers no step-up", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.plain();
    await mitidScreens.userId(MITID.peter.userId);
    await mitidScreens.approveWithBiometrics();
    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-loa")).toHaveText("High");
    await expect(page.getByRole("button", { name: "Step up to High" })).toHaveCount(0);
  });

  test("the step-up refused page explains itself", async ({ page }) => {
    await page.goto("/auth/error?reason=step_up_refused");
    await expect(
      page.getByRole("heading", { name: "The higher level of assurance could not be reached" }),
    ).toBeVisible();
  });
});

test.describe("Signicat MitID: PSD2 mode", () => {
  test.describe.configure({ mode: "serial" });

  test.afterAll(async ({ request }) => {
    await sandboxFor(request).signicat.psd2("rmi-portal-signicat", false);
  });

  test("without PSD2 mode a wrong password is named at once", async ({
    page,
    mitidChoices,
    mitidScreens,
    sandbox,
  }) => {
    await sandbox.signicat.psd2("rmi-portal-signicat", false);
    await mitidChoices.plain();
    await mitidScreens.userId(MITID.peter.userId);
    await page.getByRole("button", { name: "MitID code display" }).click();
    await page.getByLabel("Password").fill("not-my-password");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong password. Try again.");
  });

  test("with PSD2 mode the user learns only at the end that a factor failed, not which", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
    sandbox,
  }) => {
    await sandbox.signicat.psd2("rmi-portal-signicat", true);
    await mitidChoices.plain();
    await mitidScreens.userId(MITID.peter.userId);
    await mitidScreens.codeDisplay("not-my-password", MITID.credentials.otp);
    await expect(page.getByRole("heading", { name: "Log on failed" })).toBeVisible();
    await expect(page.getByRole("alert")).toHaveText(
      "One or more of the authenticators you used could not be verified. For your security we do not say which. Start again to try once more.",
    );
    await expect(page.getByText("password", { exact: false })).toHaveCount(0);

    await page.getByRole("button", { name: "Start again" }).click();
    await mitidScreens.userId(MITID.peter.userId);
    await mitidScreens.codeDisplay(MITID.credentials.password, MITID.credentials.otp);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-aal")).toHaveText("Substantial");
  });

  test("the sandbox refuses a PSD2 switch for an unknown client", async ({ request }) => {
    const res = await request.post(`${SANDBOX_URL}/signicat/control/psd2`, {
      data: { client_id: "nobody", psd2: true },
    });
    expect(res.status()).toBe(404);
    expect((await res.json()).error).toBe("unknown_client");
  });
});
