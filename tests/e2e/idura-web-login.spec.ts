import { IDURA_PERSONAS } from "../kit";
import { expect, test } from "./support/fixtures";

/** Each eID button on the login page, what Idura shows, who logs in and what the account says. */
const CASES = [
  {
    button: "Log in with MitID via Idura",
    eidPage: "MitID (substantial)",
    persona: IDURA_PERSONAS.karen.label,
    name: "Karen Nielsen",
    acr: "urn:grn:authn:dk:mitid:substantial",
    method: "MitID, substantial level",
    provider: "MitID",
    country: "DK",
  },
  {
    button: "Log in with MitID Business via Idura",
    eidPage: "MitID Erhverv",
    persona: IDURA_PERSONAS.jens.label,
    name: "Jens Hansen",
    acr: "urn:grn:authn:dk:mitid:business",
    method: "MitID Business",
    provider: "MitID Business",
    country: "DK",
  },
  {
    button: "Log in with Swedish BankID on this device via Idura",
    eidPage: "Swedish BankID (this device)",
    persona: IDURA_PERSONAS.astrid.label,
    name: "Astrid Lindqvist",
    acr: "urn:grn:authn:se:bankid:same-device",
    method: "Swedish BankID on the same device",
    provider: "Swedish BankID",
    country: "SE",
  },
  {
    button: "Log in with Swedish BankID on another device via Idura",
    eidPage: "Swedish BankID (QR code)",
    persona: IDURA_PERSONAS.astrid.label,
    name: "Astrid Lindqvist",
    acr: "urn:grn:authn:se:bankid:another-device:qr",
    method: "Swedish BankID, QR code",
    provider: "Swedish BankID",
    country: "SE",
  },
  {
    button: "Log in with Norwegian BankID via Idura",
    eidPage: "Norwegian BankID",
    persona: IDURA_PERSONAS.ola.label,
    name: "Ola Nordmann",
    acr: "urn:grn:authn:no:bankid",
    method: "Norwegian BankID",
    provider: "Norwegian BankID",
    country: "NO",
  },
] as const;

test.describe("Idura web login", () => {
  for (const c of CASES) {
    test(`${c.button}: ${c.name} with ${c.acr}`, async ({ page, loginPage, accountPage, iduraLoginForm }) => {
      await loginPage.goto();
      await page.getByRole("button", { name: c.button, exact: true }).click();
      await iduraLoginForm.logIn(c.eidPage, c.persona);

      await accountPage.expectLoaded();
      await expect(page.getByTestId("login-provider")).toHaveText(c.provider);
      await expect(page.getByTestId("eid-name")).toHaveText(c.name);
      // Said as a person would say it; the acr itself stays machine-readable for support.
      await expect(page.getByTestId("eid-acr")).toHaveText(c.method);
      await expect(page.getByTestId("eid-acr").locator("[data-acr]")).toHaveAttribute("data-acr", c.acr);
      await expect(page.getByTestId("eid-country")).toHaveText(c.country);
    });
  }

  test("MitID Erhverv shows the company; MitID shows the assurance level", async ({
    page,
    loginPage,
    accountPage,
    iduraLoginForm,
  }) => {
    await loginPage.goto();
    await page.getByRole("button", { name: "Log in with MitID Business via Idura", exact: true }).click();
    await iduraLoginForm.logIn("MitID Erhverv", IDURA_PERSONAS.jens.label);
    await expect(page.getByTestId("eid-cvr")).toHaveText("12345678");
    await expect(page.getByTestId("eid-company")).toHaveText("Hansen Autoværksted ApS");
    await accountPage.signOut();

    await page.getByRole("button", { name: "Log in with MitID via Idura", exact: true }).click();
    await iduraLoginForm.logIn("MitID (substantial)", IDURA_PERSONAS.karen.label);
    await expect(page.getByTestId("eid-loa")).toHaveText("Substantial");
  });

  test("cancelling at Idura ends on a page that says so", async ({ page, loginPage }) => {
    await loginPage.goto();
    await page.getByRole("button", { name: "Log in with Norwegian BankID via Idura", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Log in with Norwegian BankID" })).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("login-error")).toBeVisible();
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });
});
