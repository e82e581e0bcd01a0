import { decodeQr, IDURA_PERSONAS, Sandbox } from "../kit";
import { SANDBOX_URL } from "./support/env";
import { expect, test, type Locator, type Page } from "./support/fixtures";

/** The kit's IDToken holder: approved through the control endpoint, so no phone page is involved. */
const SOFIA = "IDT-SOFIA-ROSSI";

async function expectPoliteRegion(region: Locator) {
  await expect(region).toHaveAttribute("aria-live", "polite");
}

test.describe("status changes and countdowns are announced politely", () => {
  test("QR page: the countdown now and then, then the expiry", async ({ page, request }) => {
    await page.goto("/login/qr");
    const status = page.getByTestId("qr-status");
    await expectPoliteRegion(status);
    await expect(status).toHaveAttribute("aria-atomic", "true");
    // The visible countdown ticks every second as a timer (not read out); the live region
    // announces the time left in 30-second steps.
    await expect(page.getByTestId("qr-countdown")).toHaveAttribute("role", "timer");
    await expect(status).toHaveText(/^Waiting for you to scan the QR code\. This code expires in 2:00\.?$/);
    const qr = page.getByRole("img", { name: "QR code to scan with the Digidentity app" });
    await new Sandbox(request, SANDBOX_URL).digidentity.expireQr(await decodeQr(qr));
    await expect(status).toHaveText("The QR code has expired");
  });

  test("IDToken page: the code's countdown, then the refusal", async ({ page, request }) => {
    await page.goto("/login/idtoken");
    const status = page.getByTestId("idtoken-status");
    await expectPoliteRegion(status);
    await page.getByLabel("Token ID", { exact: true }).fill(SOFIA);
    await page.getByRole("button", { name: "Send login request" }).click();
    const otp = page.getByTestId("idtoken-otp");
    await expect(otp).toHaveText(/^\d{6}$/);
    await expect(page.getByTestId("idtoken-countdown")).toHaveAttribute("role", "timer");
    await expect(status).toHaveText(
      "Compare the code with your phone and approve there. The code expires in 60 seconds.",
    );
    await new Sandbox(request, SANDBOX_URL).idtoken.reject(SOFIA, { otp: (await otp.textContent()) ?? "" });
    await expect(status).toHaveText("You rejected the login in the IDToken app");
  });

  test("BankID page: scanned, then cancelled", async ({ page, request }) => {
    const sandbox = new Sandbox(request, SANDBOX_URL);
    await page.goto("/login/bankid");
    const live = page.getByTestId("bankid-live");
    await expectPoliteRegion(live);
    const code = await decodeQr(page.getByRole("img", { name: "BankID QR code" }));
    await sandbox.idura.scanBankId(code);
    await expect(live).toContainText("Confirm in the app");
    await sandbox.idura.cancelBankId(code);
    await expect(live).toContainText("The login was cancelled in the BankID app");
  });

  test("CIBA page: waiting for the caller, then confirmed", async ({ page, request, agentVerifyPage }) => {
    await agentVerifyPage.signIn();
    const live = page.getByTestId("ciba-live");
    await expectPoliteRegion(live);
    await page.getByLabel("Caller's national identity number").fill(IDURA_PERSONAS.astrid.nationalId);
    await page.getByRole("button", { name: "Send request to the caller's phone" }).click();
    const binding = page.getByTestId("ciba-binding-message");
    await expect(binding).toHaveText(/^RMI-\d{4}$/);
    await expect(live).toContainText("Waiting for the caller to confirm.");
    await new Sandbox(request, SANDBOX_URL).idura.approveCiba((await binding.textContent()) ?? "");
    await expect(live).toContainText("Identity confirmed");
    await expect(live).toContainText("Astrid Lindqvist");
  });
});

/** What the element that has focus now looks like: its tag, name and outline. */
async function focusedOutline(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.id).trim().slice(0, 40)}"`,
      focusVisible: el.matches(":focus-visible"),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Tabs through the first `count` controls and checks each shows a focus ring. */
async function expectVisibleFocusWhileTabbing(page: Page, count: number) {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const focused = await focusedOutline(page);
    if (!focused) continue;
    seen.push(focused.what);
    expect(focused.focusVisible, `${focused.what} matches :focus-visible`).toBe(true);
    expect(focused.outline, `${focused.what} shows an outline`).not.toMatch(/^none |^\S+ 0px$/);
  }
  expect(seen.length, "tabbing reached controls").toBeGreaterThanOrEqual(Math.min(count, 3));
}

test.describe("visible focus", () => {
  test("the portal's login page and QR page", async ({ page }) => {
    await page.goto("/login");
    await expectVisibleFocusWhileTabbing(page, 16);
    await page.goto("/login/qr");
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expectVisibleFocusWhileTabbing(page, 4);
  });

  test("the sandbox's pages: home, Digidentity sign-in, MitID", async ({ page, loginPage }) => {
    await page.goto(`${SANDBOX_URL}/`);
    await expectVisibleFocusWhileTabbing(page, 6);
    await loginPage.goto();
    await loginPage.startWebLogin();
    await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
    await expectVisibleFocusWhileTabbing(page, 5);
    await page.goto("/login");
    await page.getByRole("button", { name: "Log in with MitID", exact: true }).click();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await expectVisibleFocusWhileTabbing(page, 3);
  });
});

/** Animations running on the page now (CSS animations and transitions included). */
function runningAnimations(page: Page) {
  return page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length);
}

test.describe("reduced motion", () => {
  test("with reduced motion the waiting pulse stands still; without, it pulses", async ({
    page,
    request,
  }) => {
    const sandbox = new Sandbox(request, SANDBOX_URL);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/login/qr");
    const pulse = page.getByTestId("waiting-indicator");
    await expect(pulse).toBeVisible();
    await expect(pulse).toHaveCSS("animation-name", "none");
    expect(await runningAnimations(page)).toBe(0);

    await page.goto("/login/bankid");
    await sandbox.idura.scanBankId(await decodeQr(page.getByRole("img", { name: "BankID QR code" })));
    await expect(page.getByRole("heading", { name: "Confirm in the app" })).toBeVisible();
    await expect(page.getByTestId("waiting-indicator")).toHaveCSS("animation-name", "none");
    expect(await runningAnimations(page)).toBe(0);

    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto("/login/qr");
    await expect(pulse).toHaveCSS("animation-name", "pulse");
    expect(await runningAnimations(page)).toBeGreaterThan(0);
  });
});
