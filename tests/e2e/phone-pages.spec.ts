/**
 * The pages a customer sees on a real phone: they name the service as a person knows it, and
 * headless BankID can be done on the phone in one's hand ("Open BankID on this device").
 */
import { devices } from "@playwright/test";

import { decodeQr } from "../kit";
import { expect, test } from "./support/fixtures";
import { SANDBOX_URL } from "./support/env";

const { defaultBrowserType: _unused, ...iPhone } = devices["iPhone 13"];
void _unused;

test.describe("on a phone", () => {
  test.use({ ...iPhone, locale: "en-GB" });

  test("headless BankID: Open BankID on this device, identify in the app, signed in", async ({ page }) => {
    await page.goto("/login/bankid");
    const open = page.getByRole("link", { name: "Open BankID on this device" });
    await expect(open).toBeVisible();
    const href = new URL((await open.getAttribute("href")) ?? "");
    // BankID's documented app link form, pointed at the sandbox's app page.
    expect(`${href.origin}${href.pathname}`).toBe(`${SANDBOX_URL}/idura/app/bankid`);
    expect(href.searchParams.get("autostarttoken")).toMatch(/^[0-9a-f-]{36}$/);
    expect(href.searchParams.get("redirect")).toBe("null");

    const [app] = await Promise.all([page.context().waitForEvent("page"), open.click()]);
    await expect(app.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await expect(
      app.getByText("Example Motors RMI portal asks you to identify yourself with BankID."),
    ).toBeVisible();
    await app.getByLabel("Astrid Lindqvist").check();
    await app.getByRole("button", { name: "Identify" }).click();
    await expect(app.getByRole("heading", { name: "Identified" })).toBeVisible();

    // The portal's page kept asking and signs in by itself.
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
  });

  test("an app link that names no waiting login says so", async ({ page }) => {
    await page.goto(`${SANDBOX_URL}/idura/app/bankid?autostarttoken=${crypto.randomUUID()}&redirect=null`);
    await expect(page.getByText("This BankID login has ended or was never started.")).toBeVisible();
  });
});

test("on a computer the BankID page offers the QR code, not an app link", async ({ page }) => {
  await page.goto("/login/bankid");
  await expect(page.getByRole("img", { name: "BankID QR code" })).toBeVisible();
  await expect(page.getByTestId("bankid-open-app")).toHaveCount(0);
});

test("the Digidentity phone page names the portal, not its client id", async ({ page, browser }) => {
  await page.goto("/login/qr");
  const uri = await decodeQr(page.getByRole("img", { name: /QR code/ }));
  const phone = await browser.newContext({ ...iPhone, locale: "en-GB" });
  try {
    const phonePage = await phone.newPage();
    await phonePage.goto(uri);
    await expect(phonePage.getByText(/^Example Motors RMI portal asks you to log in\./)).toBeVisible();
    await expect(phonePage.locator("body")).not.toContainText("rmi-portal-demo");
  } finally {
    await phone.close();
  }
});

test("the MitID screen names the portal, not its client id", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Log in with MitID", exact: true }).click();
  await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
  await expect(page.getByText("Example Motors RMI portal asks you to log on with MitID.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("rmi-portal-signicat");
  await expect(page.locator("body")).not.toContainText("A service asks you");
});
