import { expect, test, type Page } from "./support/fixtures";

import { AccountPage, BankIdQrPage, openBankIdApp } from "./support/pages";
import { sandboxFor } from "./support/sandbox";

const QR_FORMAT = /^bankid\.[0-9a-f-]{36}\.(\d+)\.[0-9a-f]{64}$/;

function secondsOf(qr: string): number {
  const match = QR_FORMAT.exec(qr);
  if (!match?.[1]) throw new Error(`not a BankID QR code: ${qr}`);
  return Number(match[1]);
}

/** Moves the login's clock on by `seconds`: every code it has shown is that much older at once. */
async function age(page: Page, qrData: string, seconds: number) {
  await sandboxFor(page.request).idura.ageBankId(qrData, seconds);
}

test.describe("Idura headless Swedish BankID (animated QR)", () => {
  test("the QR code changes every second", async ({ page }) => {
    const qr = new BankIdQrPage(page);
    await qr.goto();
    const first = await qr.scan();
    expect(first).toMatch(QR_FORMAT);
    await expect
      .poll(async () => secondsOf(await qr.scan()), { timeout: 5_000 })
      .toBeGreaterThan(secondsOf(first));
    const later = await qr.scan();
    expect(later.split(".")[1]).toBe(first.split(".")[1]);
    expect(later.split(".")[3]).not.toBe(first.split(".")[3]);
  });

  test("a code shown 10 s ago is still taken: BankID gives a QR order 30 s", async ({ page, browser }) => {
    const qr = new BankIdQrPage(page);
    await qr.goto();
    const captured = await qr.scan();
    // Time passes for this login only (a sandbox control), so no test waits on a clock.
    await age(page, captured, 10);
    const { app, page: phone } = await openBankIdApp(browser);
    await app.scan(captured);
    await expect(phone.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
    await phone.context().close();
  });

  test("a code older than the window is refused; a fresh one logs in", async ({ page, browser }) => {
    const qr = new BankIdQrPage(page);
    await qr.goto();
    const captured = await qr.scan();
    // Past SANDBOX_IDURA_QR_MAX_AGE_SECONDS (30 s by default, docs/providers/idura.md).
    await age(page, captured, 40);

    const { app, page: phone } = await openBankIdApp(browser);
    await app.scan(captured);
    await expect(phone.getByRole("alert")).toHaveText(
      "This QR code is too old. Scan the code on the screen again.",
    );
    await expect(page.getByRole("img", { name: "BankID QR code" })).toBeVisible();

    // The page's next code is one made after the jump.
    await expect
      .poll(async () => secondsOf(await qr.scan()), { timeout: 15_000, intervals: [500] })
      .toBeGreaterThanOrEqual(secondsOf(captured) + 40);
    await app.scan(await qr.scan());
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
    await expect(page.getByRole("img", { name: "BankID QR code" })).toHaveCount(0);
    await app.identify("Astrid Lindqvist (BankID)");
    await expect(phone.getByRole("heading", { name: "Identified" })).toBeVisible();

    const account = new AccountPage(page);
    await account.expectLoaded();
    await expect(page.getByTestId("login-provider")).toHaveText("Swedish BankID (QR code)");
    await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
    await phone.context().close();
  });

  test("cancelled in the app: the page says so", async ({ page, browser }) => {
    const qr = new BankIdQrPage(page);
    await qr.goto();
    const { app, page: phone } = await openBankIdApp(browser);
    await app.scan(await qr.scan());
    await expect(phone.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await phone.getByRole("button", { name: "Cancel" }).click();
    await expect(
      page.getByRole("heading", { name: "The login was cancelled in the BankID app" }),
    ).toBeVisible();
    await phone.context().close();
  });
});
