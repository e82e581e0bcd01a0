import { expect, test } from "./support/fixtures";

import { AccountPage, BankIdQrPage, openBankIdApp } from "./support/pages";

const QR_FORMAT = /^bankid\.[0-9a-f-]{36}\.(\d+)\.[0-9a-f]{64}$/;

function secondsOf(qr: string): number {
  const match = QR_FORMAT.exec(qr);
  if (!match?.[1]) throw new Error(`not a BankID QR code: ${qr}`);
  return Number(match[1]);
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

  test("a stale scanned code is refused; a fresh one logs in", async ({ page, browser }) => {
    const qr = new BankIdQrPage(page);
    await qr.goto();
    const captured = await qr.scan();
    // Wait (by watching the code, not the clock) until the captured code is well past 3 s old.
    await expect
      .poll(async () => secondsOf(await qr.scan()), { timeout: 15_000, intervals: [500] })
      .toBeGreaterThanOrEqual(secondsOf(captured) + 6);

    const { app, page: phone } = await openBankIdApp(browser);
    await app.scan(captured);
    await expect(phone.getByRole("alert")).toHaveText(
      "This QR code is too old. Scan the code on the screen again.",
    );
    await expect(page.getByRole("img", { name: "BankID QR code" })).toBeVisible();

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
