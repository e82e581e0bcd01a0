import { decodeQr, IDURA_PERSONAS, Sandbox } from "../kit";
import { expectAccessible } from "./support/axe";
import { IDTOKEN_OPERATOR, IDURA_ISSUER, SANDBOX_URL, SIGNICAT_LAB_CLIENT, TEST_PORTS } from "./support/env";
import { expect, test } from "./support/fixtures";
import { KeyboardUser } from "./support/keyboard";
import { MITID } from "./support/mitid";
import { PERSONAS } from "./support/personas";

/** The IDToken holder no other spec of this suite uses, so nothing resets its sessions mid-test. */
const ANNA = "IDT-ANNA-KOWALSKA";

/**
 * Every page of the MitID, IDToken and Idura logins, portal and sandbox, in every state a person
 * meets, with zero serious or critical violations (WCAG 2.1 A/AA).
 */
test.describe("accessibility (axe): Signicat MitID", () => {
  test("the MitID screens: user ID, its error, authenticator, app, wrong PIN, code display", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await page.goto("/login?problem=cpr");
    await expect(page.getByTestId("login-problem")).toBeVisible();
    await expectAccessible(page, "the login page with a CPR problem");
    await mitidChoices.plain();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await expectAccessible(page, "MitID: user ID");
    await mitidScreens.userId("nobody.here");
    await expect(page.getByRole("alert")).toHaveText("We do not know this user ID. Check it and try again.");
    await expectAccessible(page, "MitID: unknown user ID");
    await mitidScreens.userId(MITID.peter.userId);
    await expect(page.getByRole("heading", { name: "Choose how to approve" })).toBeVisible();
    await expectAccessible(page, "MitID: choose an authenticator");
    await page.getByRole("button", { name: "MitID app" }).click();
    await expect(page.getByRole("heading", { name: "Approve in the MitID app" })).toBeVisible();
    await expectAccessible(page, "MitID: app");
    await page.getByLabel("PIN").fill("000000");
    await page.getByRole("button", { name: "Approve with PIN" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong PIN. Try again.");
    await expectAccessible(page, "MitID: app, wrong PIN");

    await mitidChoices.plain();
    await mitidScreens.userId(MITID.peter.userId);
    await page.getByRole("button", { name: "MitID code display" }).click();
    await expect(page.getByRole("heading", { name: "Enter your MitID password" })).toBeVisible();
    await expectAccessible(page, "MitID: password");
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong password. Try again.");
    await expectAccessible(page, "MitID: wrong password");
    await page.getByLabel("Password").fill(MITID.credentials.password);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Enter the code from your code display" })).toBeVisible();
    await expectAccessible(page, "MitID: one-time code");
    await page.getByLabel("One-time code").fill(MITID.credentials.otp);
    await page.getByRole("button", { name: "Continue" }).click();

    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
    await expectAccessible(page, "the account page (MitID)");
    await page.getByRole("button", { name: "Step up to High" }).click();
    // On the eID Hub a step-up is a new login that asks for High (docs/providers/signicat.md).
    await mitidScreens.userId(MITID.peter.userId);
    await expect(page.getByRole("button", { name: "MitID code display" })).toHaveCount(0);
    await expectAccessible(page, "MitID: step-up");
  });

  test("PSD2 mode's 'log on failed' page, on the lab client so no other login is affected", async ({
    page,
    mitidScreens,
    sandbox,
  }) => {
    await sandbox.signicat.psd2(SIGNICAT_LAB_CLIENT.id, true);
    try {
      const query = new URLSearchParams({
        client_id: SIGNICAT_LAB_CLIENT.id,
        redirect_uri: `http://localhost:${TEST_PORTS.signicatLabPortal}/api/auth/callback/signicat`,
        response_type: "code",
        scope: "openid profile",
        state: "accessibility",
        nonce: "accessibility",
        code_challenge: "A".repeat(43),
        code_challenge_method: "S256",
      });
      await page.goto(`${SANDBOX_URL}/signicat/auth/open/connect/authorize?${query}`);
      await mitidScreens.userId(MITID.peter.userId);
      await mitidScreens.approveWithPin("000000");
      await expect(page.getByRole("heading", { name: "Log on failed" })).toBeVisible();
      await expectAccessible(page, "MitID: PSD2 log on failed");
    } finally {
      await sandbox.signicat.psd2(SIGNICAT_LAB_CLIENT.id, false);
    }
  });

  test("CPR entry, its errors, and the account page with a matched CPR", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(MITID.peter.userId);
    await mitidScreens.expectCprPrompt();
    await expectAccessible(page, "MitID: CPR prompt");
    await mitidScreens.typeCpr("010101-0101");
    await expect(page.getByRole("alert")).toHaveText(
      "The CPR number does not match your MitID. You have 2 attempts left.",
    );
    await expectAccessible(page, "MitID: CPR missed");
    await mitidScreens.typeCpr(MITID.peter.cpr);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-masked")).toHaveText(MITID.peter.masked);
    await expectAccessible(page, "the account page (MitID, CPR matched)");
  });

  test("business choices: MitID Business, act for a company, the business account page", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.business();
    await mitidScreens.logIn(MITID.erik.userId);
    await expect(page.getByRole("heading", { name: "Choose your business identity" })).toBeVisible();
    await expectAccessible(page, "MitID: choose a business identity");
    await mitidScreens.pick("Nordhavn Cykler I/S");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("org-name")).toHaveText("Nordhavn Cykler I/S");
    await expectAccessible(page, "the account page (MitID Business)");
    await accountPage.signOut();

    await mitidChoices.actForCompany();
    await mitidScreens.logIn(MITID.helle.userId);
    await expect(page.getByRole("heading", { name: "Choose who you act for" })).toBeVisible();
    await expectAccessible(page, "MitID: choose a company (Virk)");
    await mitidScreens.cancel();
    await expect(page.getByTestId("login-error")).toHaveAttribute("data-reason", "cancelled");
    await expectAccessible(page, "the cancelled page");

    await page.goto(`${SANDBOX_URL}/signicat/auth/open/connect/authorize?client_id=nobody`);
    await expect(page.getByRole("heading", { name: "Cannot log on" })).toBeVisible();
    await expectAccessible(page, "Signicat sandbox: error page");
  });
});

test.describe("accessibility (axe): IDToken", () => {
  // The phone page shows Anna's latest request: her tests take turns, and only this file uses her.
  test.describe.configure({ mode: "serial" });

  test("the OTP page: form, unknown token, pending, refused; the phone app and its answers", async ({
    page,
    idTokenLoginPage,
    sandbox,
    phone,
    idTokenPhone,
  }) => {
    await idTokenLoginPage.goto();
    await expectAccessible(page, "IDToken: token ID form");
    await idTokenLoginPage.start("IDT-NOBODY");
    await expect(page.getByTestId("idtoken-start-error")).toBeVisible();
    await expectAccessible(page, "IDToken: unknown token ID");
    await idTokenLoginPage.start(ANNA);
    await expect(idTokenLoginPage.otp()).toHaveText(/^\d{6}$/);
    await expectAccessible(page, "IDToken: the one-time code, pending");

    await phone.goto(`${IDTOKEN_OPERATOR}/app/${ANNA}`);
    await expect(phone.getByTestId("phone-otp")).toHaveText(
      (await idTokenLoginPage.otp().textContent()) ?? "",
    );
    await expectAccessible(phone, "IDToken phone app: the request");
    await idTokenPhone.approve("00000");
    await expect(phone.getByRole("alert")).toHaveText("Wrong PIN. 2 attempts left.");
    await expectAccessible(phone, "IDToken phone app: wrong PIN");
    await idTokenPhone.reject();
    await expect(phone.getByRole("heading", { name: "Login rejected" })).toBeVisible();
    await expectAccessible(phone, "IDToken phone app: rejected");
    await idTokenLoginPage.expectEnded("idtoken_rejected", "You rejected the login in the IDToken app");
    await expectAccessible(page, "IDToken: refused");

    await phone.goto(`${IDTOKEN_OPERATOR}/app/${ANNA}`);
    await expect(phone.getByRole("heading", { name: "No login requests" })).toBeVisible();
    await expectAccessible(phone, "IDToken phone app: nothing waiting");

    await page.getByRole("button", { name: "Start again" }).click();
    await idTokenLoginPage.startSession(ANNA);
    await sandbox.idtoken.expire(ANNA);
    await idTokenLoginPage.expectEnded("idtoken_expired", "The one-time code has expired");
    await expectAccessible(page, "IDToken: expired");
  });

  test("keyboard only: token ID, Enter; the PIN on the phone page, Enter", async ({
    page,
    accountPage,
    keyboardUser,
    phone,
  }) => {
    await page.goto("/login");
    await keyboardUser.activate(page.getByRole("link", { name: "Log in with IDToken" }));
    await keyboardUser.fillAndSubmit(page.getByLabel("Token ID", { exact: true }), ANNA);
    const otp = page.getByTestId("idtoken-otp");
    await expect(otp).toHaveText(/^\d{6}$/);
    await phone.goto(`${IDTOKEN_OPERATOR}/app/${ANNA}`);
    await expect(phone.getByTestId("phone-otp")).toHaveText((await otp.textContent()) ?? "");
    // The phone's own keyboard, on the phone's page.
    await new KeyboardUser(phone).fillAndSubmit(phone.getByLabel("PIN", { exact: true }), "12345");
    await expect(phone.getByRole("heading", { name: "Login approved" })).toBeVisible();
    await accountPage.expectLoaded();
    await expect(page.getByTestId("idtoken-subject")).toHaveText(ANNA);
    await expect(page.getByTestId("idtoken-name")).toHaveText("Anna Kowalska");
    await expect(page.getByTestId("idtoken-trust-level")).toHaveText("Low");
  });

  test("three wrong PINs: the phone's refusal and the portal's", async ({
    page,
    idTokenLoginPage,
    phone,
    idTokenPhone,
  }) => {
    await idTokenLoginPage.goto();
    await idTokenLoginPage.start(ANNA);
    await expect(idTokenLoginPage.otp()).toHaveText(/^\d{6}$/);
    await phone.goto(`${IDTOKEN_OPERATOR}/app/${ANNA}`);
    await expect(phone.getByTestId("phone-otp")).toHaveText(
      (await idTokenLoginPage.otp().textContent()) ?? "",
    );
    for (const left of ["2 attempts left", "1 attempt left"]) {
      await idTokenPhone.approve("00000");
      await expect(phone.getByRole("alert")).toContainText(left);
    }
    await idTokenPhone.approve("00000");
    await expect(phone.getByRole("heading", { name: "Too many attempts" })).toBeVisible();
    await expectAccessible(phone, "IDToken phone app: too many attempts");
    await idTokenLoginPage.expectEnded("idtoken_too_many_attempts", "Too many failed attempts");
    await expectAccessible(page, "IDToken: too many attempts");
  });

  test("the approved phone page and the IDToken account page", async ({
    page,
    accountPage,
    idTokenLoginPage,
    phone,
    idTokenPhone,
  }) => {
    await idTokenLoginPage.goto();
    await idTokenLoginPage.start(ANNA);
    await expect(idTokenLoginPage.otp()).toHaveText(/^\d{6}$/);
    await phone.goto(`${IDTOKEN_OPERATOR}/app/${ANNA}`);
    await idTokenPhone.approve();
    await expect(phone.getByRole("heading", { name: "Login approved" })).toBeVisible();
    await expectAccessible(phone, "IDToken phone app: approved");
    await accountPage.expectLoaded();
    await expect(page.getByTestId("idtoken-name")).toHaveText("Anna Kowalska");
    await expectAccessible(page, "the account page (IDToken)");
  });
});

test.describe("accessibility (axe): Idura", () => {
  test("web login: the eID page, the account page (MitID Erhverv), a sandbox error page", async ({
    page,
    loginPage,
    accountPage,
    iduraLoginForm,
  }) => {
    await loginPage.goto();
    await page.getByRole("button", { name: "Log in with MitID Business via Idura" }).click();
    await expect(page.getByRole("heading", { name: "Log in with MitID Erhverv" })).toBeVisible();
    await expectAccessible(page, "Idura: the eID's login page");
    await iduraLoginForm.logIn("MitID Erhverv", IDURA_PERSONAS.jens.label);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("eid-company")).toHaveText("Hansen Autoværksted ApS");
    await expectAccessible(page, "the account page (Idura, MitID Erhverv)");

    await page.goto(`${IDURA_ISSUER}/oauth2/authorize?client_id=nobody`);
    await expect(page.getByRole("heading", { name: "Cannot log in" })).toBeVisible();
    await expectAccessible(page, "Idura sandbox: error page");
  });

  test("headless BankID: QR pending, confirm in the app, cancelled; the BankID app", async ({
    page,
    request,
    accountPage,
    bankIdQrPage,
    phone,
    bankIdApp,
  }) => {
    const sandbox = new Sandbox(request, SANDBOX_URL);
    await bankIdQrPage.goto();
    const code = await bankIdQrPage.scan();
    await expectAccessible(page, "BankID: QR pending");
    await sandbox.idura.scanBankId(code);
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
    await expectAccessible(page, "BankID: confirm in the app");
    await sandbox.idura.cancelBankId(code);
    await expect(
      page.getByRole("heading", { name: "The login was cancelled in the BankID app" }),
    ).toBeVisible();
    await expectAccessible(page, "BankID: cancelled");

    await page.getByRole("button", { name: "Start again" }).click();
    const fresh = await bankIdQrPage.scan();
    await bankIdApp.open();
    await expectAccessible(phone, "BankID app: scan");
    await bankIdApp.scan("not a bankid code");
    await expect(phone.getByRole("alert")).toHaveText(
      "This is not a BankID QR code that is waiting for you.",
    );
    await expectAccessible(phone, "BankID app: not a BankID code");
    await bankIdApp.scan(await decodeQr(page.getByRole("img", { name: "BankID QR code" })));
    await expect(phone.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await expectAccessible(phone, "BankID app: identify");
    await bankIdApp.identify(IDURA_PERSONAS.astrid.label);
    await expect(phone.getByRole("heading", { name: "Identified" })).toBeVisible();
    await expectAccessible(phone, "BankID app: identified");
    expect(fresh).toMatch(/^bankid\./);

    await accountPage.expectLoaded();
    await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
    await expectAccessible(page, "the account page (Swedish BankID, QR)");
  });

  test("CIBA: the form, an unknown number, pending, approved, declined", async ({
    page,
    request,
    loginPage,
    agentVerifyPage,
  }) => {
    const sandbox = new Sandbox(request, SANDBOX_URL);
    // Someone who is no agent first: the page that says so.
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label);
    await page.goto("/agent/verify");
    await expect(page.getByRole("heading", { name: "This page is for call-centre agents" })).toBeVisible();
    await expectAccessible(page, "CIBA: the page refusing someone who is no agent");
    await page.context().clearCookies();

    await agentVerifyPage.signIn();
    await expectAccessible(page, "CIBA: the form");
    const nationalId = page.getByLabel("Caller's national identity number");
    const send = page.getByRole("button", { name: "Send request to the caller's phone" });
    await nationalId.fill("190001019999");
    await send.click();
    await expect(page.getByTestId("ciba-error")).toBeVisible();
    await expectAccessible(page, "CIBA: an unknown number");

    await nationalId.fill(IDURA_PERSONAS.astrid.nationalId);
    await send.click();
    const binding = page.getByTestId("ciba-binding-message");
    await expect(binding).toHaveText(/^RMI-\d{4}$/);
    await expect(page.getByTestId("ciba-interval")).toBeVisible();
    await expectAccessible(page, "CIBA: pending");
    await sandbox.idura.approveCiba((await binding.textContent()) ?? "");
    await expect(page.getByTestId("ciba-customer-name")).toHaveText("Astrid Lindqvist");
    await expectAccessible(page, "CIBA: approved");

    await page.getByRole("button", { name: "Verify another caller" }).click();
    await nationalId.fill(IDURA_PERSONAS.astrid.nationalId);
    await send.click();
    await expect(binding).toHaveText(/^RMI-\d{4}$/);
    await sandbox.idura.denyCiba((await binding.textContent()) ?? "");
    await expect(page.getByRole("heading", { name: "The caller declined" })).toBeVisible();
    await expectAccessible(page, "CIBA: declined");
  });
});

test.describe("accessibility (axe): the Digidentity QR page's other endings", () => {
  test("declined in the app, refused for a revoked authorisation", async ({ page, request }) => {
    const sandbox = new Sandbox(request, SANDBOX_URL);
    await page.goto("/login/qr");
    const qr = page.getByRole("img", { name: "QR code to scan with the Digidentity app" });
    await sandbox.digidentity.declineQr(await decodeQr(qr));
    await expect(page.getByRole("heading", { name: "The login was declined in the app" })).toBeVisible();
    await expectAccessible(page, "the QR page, declined");
    await page.getByRole("button", { name: "Get a new QR code" }).click();
    await sandbox.digidentity.approveQr(await decodeQr(qr), "revoked");
    await expect(page.getByTestId("qr-refused")).toBeVisible();
    await expectAccessible(page, "the QR page, refused");
  });
});

test.describe("accessibility (axe): the portal's error pages", () => {
  // One page template, but each reason has its own words and the provider's name in the title.
  for (const query of [
    "reason=id_token_invalid&provider=idura",
    "reason=access_denied&provider=signicat",
    "reason=provider_unreachable&provider=digidentity",
    "reason=lacks_signatory_rights&provider=signicat&ref=0123456789ab",
    "reason=idtoken_too_many_attempts",
    "reason=rate_limited",
    "error=Configuration",
  ]) {
    test(`/auth/error?${query}`, async ({ page }) => {
      await page.goto(`/auth/error?${query}`);
      await expect(page.getByTestId("login-error")).toBeVisible();
      await expectAccessible(page, `/auth/error?${query}`);
    });
  }
});
