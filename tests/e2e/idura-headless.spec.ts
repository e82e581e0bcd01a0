import { IDURA_PERSONAS } from "../kit";
import { expect, test, type Page } from "./support/fixtures";

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
  test("the QR code changes every second", async ({ bankIdQrPage }) => {
    await bankIdQrPage.goto();
    const first = await bankIdQrPage.scan();
    expect(first).toMatch(QR_FORMAT);
    // Each scan reads the pixels (a screenshot and a decode), which a busy machine slows down:
    // the expect timeout, not a shorter one, so the code has changed by the time we look.
    await expect.poll(async () => secondsOf(await bankIdQrPage.scan())).toBeGreaterThan(secondsOf(first));
    const later = await bankIdQrPage.scan();
    expect(later.split(".")[1]).toBe(first.split(".")[1]);
    expect(later.split(".")[3]).not.toBe(first.split(".")[3]);
  });

  test("a code shown 10 s ago is still taken: BankID gives a QR order 30 s", async ({
    page,
    bankIdQrPage,
    phone,
    bankIdApp,
  }) => {
    await bankIdQrPage.goto();
    const captured = await bankIdQrPage.scan();
    // Time passes for this login only (a sandbox control), so no test waits on a clock.
    await age(page, captured, 10);
    await bankIdApp.open();
    await bankIdApp.scan(captured);
    await expect(phone.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
  });

  test("a code older than the window is refused; a fresh one logs in", async ({
    page,
    accountPage,
    bankIdQrPage,
    phone,
    bankIdApp,
  }) => {
    await bankIdQrPage.goto();
    const captured = await bankIdQrPage.scan();
    // Past SANDBOX_IDURA_QR_MAX_AGE_SECONDS (30 s by default, docs/providers/idura.md).
    await age(page, captured, 40);

    await bankIdApp.open();
    await bankIdApp.scan(captured);
    await expect(phone.getByRole("alert")).toHaveText(
      "This QR code is too old. Scan the code on the screen again.",
    );
    await expect(page.getByRole("img", { name: "BankID QR code" })).toBeVisible();

    // The page's next code is one made after the jump.
    await expect
      .poll(async () => secondsOf(await bankIdQrPage.scan()), { timeout: 15_000, intervals: [500] })
      .toBeGreaterThanOrEqual(secondsOf(captured) + 40);
    await bankIdApp.scan(await bankIdQrPage.scan());
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
    await expect(page.getByRole("img", { name: "BankID QR code" })).toHaveCount(0);
    await bankIdApp.identify(IDURA_PERSONAS.astrid.label);
    await expect(phone.getByRole("heading", { name: "Identified" })).toBeVisible();

    await accountPage.expectLoaded();
    await expect(page.getByTestId("login-provider")).toHaveText("Swedish BankID (QR code)");
    await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
  });

  test("cancelled in the app: the page says so", async ({ page, bankIdQrPage, phone, bankIdApp }) => {
    await bankIdQrPage.goto();
    await bankIdApp.open();
    await bankIdApp.scan(await bankIdQrPage.scan());
    await expect(phone.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await phone.getByRole("button", { name: "Cancel" }).click();
    await expect(
      page.getByRole("heading", { name: "The login was cancelled in the BankID app" }),
    ).toBeVisible();
  });
});
