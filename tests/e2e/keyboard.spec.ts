import { decodeQr, IDURA_LOGIN_BUTTONS, IDURA_PERSONAS, Sandbox } from "../kit";
import { DEMO_PIN, SANDBOX_URL } from "./support/env";
import { expect, test, type Page } from "./support/fixtures";
import { KeyboardUser } from "./support/keyboard";
import { MITID } from "./support/mitid";
import { PERSONAS } from "./support/personas";

/**
 * Every login finished with the keyboard alone — Tab, arrows, Enter, Space and typing, never a
 * click — on the portal's pages and the sandbox's. (IDToken's, which needs its holder's phone
 * page to itself, is in accessibility-providers.spec.ts.)
 */

async function digidentityWebLogin(page: Page, keys: KeyboardUser, personaLabel: string) {
  await page.goto("/login");
  await keys.activate(page.getByRole("button", { name: "Log in with Digidentity" }));
  await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
  await keys.chooseRadio(page.getByRole("radio", { name: personaLabel }));
  await keys.fillAndSubmit(page.getByLabel("PIN", { exact: true }), DEMO_PIN);
}

test.describe("keyboard only", () => {
  test("Digidentity on the website: persona by arrow keys, PIN, Enter", async ({
    page,
    accountPage,
    keyboardUser,
  }) => {
    await digidentityWebLogin(page, keyboardUser, PERSONAS.rsse.label);
    await accountPage.expectLoaded();
    await accountPage.expectUids(PERSONAS.rsse.uids);
    // And out again.
    await keyboardUser.activate(page.getByRole("button", { name: "Sign out" }), "Space");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("Digidentity QR code, approved through the control endpoint", async ({
    page,
    request,
    accountPage,
    keyboardUser,
  }) => {
    await page.goto("/login");
    await keyboardUser.activate(page.getByRole("link", { name: "Log in with QR code" }));
    const qr = page.getByRole("img", { name: "QR code to scan with the Digidentity app" });
    await expect(qr).toBeVisible();
    await new Sandbox(request, SANDBOX_URL).digidentity.approveQr(await decodeQr(qr), "ioe");
    await accountPage.expectLoaded();
    await accountPage.expectUids(PERSONAS.ioe.uids);
  });

  test("MitID through Signicat: user ID, MitID app, PIN", async ({ page, accountPage, keyboardUser }) => {
    await page.goto("/login");
    await keyboardUser.activate(page.getByRole("button", { name: "Log in with MitID", exact: true }));
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await keyboardUser.fillAndSubmit(page.getByLabel("User ID"), MITID.peter.userId);
    await keyboardUser.activate(page.getByRole("button", { name: "MitID app" }));
    await keyboardUser.fillAndSubmit(page.getByLabel("PIN"), MITID.credentials.appPin);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
    await expect(page.getByTestId("mitid-uuid")).toHaveText(MITID.peter.uuid);
    await expect(page.getByTestId("mitid-loa")).toHaveText("Substantial");
  });

  test("Idura web login with MitID", async ({ page, accountPage, keyboardUser }) => {
    await page.goto("/login");
    await keyboardUser.activate(page.getByRole("button", { name: "Log in with MitID via Idura" }));
    await expect(page.getByRole("heading", { name: "Log in with MitID (substantial)" })).toBeVisible();
    await keyboardUser.chooseRadio(page.getByRole("radio", { name: IDURA_PERSONAS.karen.label }));
    await keyboardUser.activate(page.getByRole("button", { name: "Log in" }));
    await accountPage.expectLoaded();
    await expect(page.getByTestId("eid-name")).toHaveText("Karen Nielsen");
    await expect(page.getByTestId("login-provider")).toHaveText("MitID");
    await expect(page.getByTestId("eid-acr")).toHaveText("MitID, substantial level");
  });

  test("headless Swedish BankID: the code typed into the sandbox's BankID app", async ({
    page,
    accountPage,
    keyboardUser,
    phone,
    bankIdApp,
  }) => {
    await page.goto("/login");
    await keyboardUser.activate(page.getByRole("link", { name: "Swedish BankID QR code on this page" }));
    const qr = page.getByRole("img", { name: "BankID QR code" });
    await expect(qr).toBeVisible();

    await bankIdApp.open();
    // The phone's keyboard: `keyboardUser` types on the computer.
    const phoneKeys = new KeyboardUser(phone);
    // The code changes every second, but the sandbox, like BankID, takes one up to 30 s old
    // (SANDBOX_IDURA_QR_MAX_AGE_SECONDS, docs/providers/idura.md): typing speed does not matter.
    await phoneKeys.fillAndSubmit(phone.getByLabel("Scanned QR code"), await decodeQr(qr));
    await expect(phone.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
    await phoneKeys.chooseRadio(phone.getByRole("radio", { name: IDURA_PERSONAS.astrid.label }));
    await phoneKeys.activate(phone.getByRole("button", { name: "Identify" }));
    await expect(phone.getByRole("heading", { name: "Identified" })).toBeVisible();

    await accountPage.expectLoaded();
    await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
    await expect(page.getByTestId("login-provider")).toHaveText("Swedish BankID (QR code)");
  });

  test("CIBA: the agent logs in and verifies a caller", async ({
    page,
    request,
    accountPage,
    keyboardUser,
  }) => {
    // The sandbox portal's call-centre agent: Mia Holm, MitID Erhverv through Idura.
    await page.goto("/login");
    await keyboardUser.activate(page.getByRole("button", { name: IDURA_LOGIN_BUTTONS["dk-mitid-business"] }));
    await expect(page.getByRole("heading", { name: "Log in with MitID Erhverv" })).toBeVisible();
    await keyboardUser.chooseRadio(page.getByRole("radio", { name: IDURA_PERSONAS.mia.label }));
    await keyboardUser.activate(page.getByRole("button", { name: "Log in" }));
    await accountPage.expectLoaded();
    await keyboardUser.activate(page.getByRole("link", { name: "Call centre: verify a caller with BankID" }));
    await expect(page.getByRole("heading", { name: "Verify a caller" })).toBeVisible();
    await keyboardUser.fillAndSubmit(
      page.getByLabel("Caller's national identity number"),
      IDURA_PERSONAS.astrid.nationalId,
    );
    const binding = page.getByTestId("ciba-binding-message");
    await expect(binding).toHaveText(/^RMI-\d{4}$/);
    await new Sandbox(request, SANDBOX_URL).idura.approveCiba((await binding.textContent()) ?? "");
    await expect(page.getByRole("heading", { name: "Identity confirmed" })).toBeVisible();
    await expect(page.getByTestId("ciba-customer-name")).toHaveText("Astrid Lindqvist");
  });
});
