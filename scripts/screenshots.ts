/**
 * `npm run screenshots`: starts portal + sandbox in production mode on loopback ports of their
 * own, walks through the main pages in Debian's Chromium and saves PNGs into docs/screenshots/
 * (the README shows them). Builds the portal first if `.next` is older than the sources
 * (`--build` always builds). Languages come from the browser, as for a visitor: each context
 * sends its `locale` as Accept-Language. Not part of `npm test`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { chromium, devices, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { decodeQr, Sandbox } from "../tests/kit";
import { FULL_CHROMIUM_LAUNCH_OPTIONS } from "../tests/e2e/support/chromium";
import { bin, buildIsFresh, root, run, startLoopbackStack } from "./stack";

const PORTAL_PORT = Number(process.env.SCREENSHOTS_PORTAL_PORT ?? 3600);
const SANDBOX_PORT = Number(process.env.SCREENSHOTS_SANDBOX_PORT ?? 4600);
const OUT = path.join(root, "docs", "screenshots");

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function newContext(browser: Browser, baseURL: string, locale = "en-GB", phone = false) {
  return browser.newContext({
    baseURL,
    locale,
    viewport: phone ? PHONE : DESKTOP,
    isMobile: phone,
    hasTouch: phone,
    // The portal orders its choices by the user agent (lib/device.ts): a phone's, as a phone sends.
    ...(phone ? { userAgent: devices["iPhone 13"].userAgent } : {}),
    deviceScaleFactor: phone ? 2 : 1,
    // Still pictures: the waiting pulse stands still, as for anyone who asks for less motion.
    reducedMotion: "reduce",
  });
}

/**
 * Keeps the README's pictures small: a 256-colour palette PNG at the highest compression, with
 * sharp (which Next.js brings for image optimisation); without it the PNG stays as taken.
 */
async function optimise(file: string) {
  try {
    const { default: sharp } = await import("sharp");
    const smaller = await sharp(readFileSync(file))
      .png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 })
      .toBuffer();
    writeFileSync(file, smaller);
  } catch {
    // Not installed on this machine: the screenshot is still right, only larger.
  }
}

async function shoot(
  page: Page | import("@playwright/test").Locator,
  name: string,
  options: { fullPage?: boolean } = {},
) {
  const file = path.join(OUT, `${name}.png`);
  if ("goto" in page) {
    await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: "disabled" });
  } else {
    await page.screenshot({ path: file, animations: "disabled" });
  }
  await optimise(file);
  console.log(`  ${path.relative(root, file)}`);
}

async function webLogin(page: Page, personaLabel: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Log in with Digidentity" }).click();
  await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
  await page.getByLabel(personaLabel).check();
  await page.getByLabel("PIN", { exact: true }).fill("12345");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

async function main() {
  if (process.argv.includes("--build") || !buildIsFresh()) {
    console.log("Building the portal (next build)…");
    await run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }
  mkdirSync(OUT, { recursive: true });

  const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  console.log(`Starting portal :${PORTAL_PORT} and sandbox :${SANDBOX_PORT} (production, loopback)…`);
  const stack = await startLoopbackStack(PORTAL_PORT, SANDBOX_PORT, {
    AUTH_SECRET: "screenshots-only-secret-0123456789abcdef",
    LOG_LEVEL: "warn",
  });
  const browser = await chromium.launch(FULL_CHROMIUM_LAUNCH_OPTIONS);
  const contexts: BrowserContext[] = [];
  const context = async (locale?: string, phone?: boolean) => {
    const created = await newContext(browser, stack.portalUrl, locale, phone);
    contexts.push(created);
    return created.newPage();
  };
  try {
    const request = (await context()).request;
    const sandbox = new Sandbox(request, sandboxUrl);
    console.log("Saving screenshots:");

    for (const [locale, suffix] of [
      ["en-GB", ""],
      ["nl-NL", "-nl"],
      ["da-DK", "-da"],
    ] as const) {
      const page = await context(locale);
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shoot(page, `login${suffix}`);
    }

    // The login page on a phone: the website first, the app on this phone, no QR code first.
    const loginPhone = await context("en-GB", true);
    await loginPhone.goto("/login");
    await expect(loginPhone.locator("[data-device=phone]")).toBeVisible();
    await shoot(loginPhone, "login-phone");

    // The MitID group on the login page (two routes, each saying why), and MitID Business's
    // choice of identity at the sandbox, then the account page it leads to.
    const mitid = await context();
    await mitid.goto("/login");
    await shoot(mitid.getByTestId("login-group-dk-mitid"), "mitid-choices");
    await mitid.getByTestId("login-mitid-business").click();
    await mitid.getByLabel("User ID").fill("erik.hansen");
    await mitid.getByRole("button", { name: "Continue" }).click();
    await mitid.getByRole("button", { name: "MitID app" }).click();
    await mitid.getByLabel("PIN").fill("123456");
    await mitid.getByRole("button", { name: "Approve with PIN" }).click();
    await expect(mitid.getByRole("radio")).toHaveCount(2);
    await shoot(mitid, "mitid-business-choice");
    await mitid.getByRole("radio").first().check();
    await mitid.getByRole("button", { name: "Continue" }).click();
    await expect(mitid).toHaveURL(/\/account$/);
    await expect(mitid.getByTestId("account-permits")).toBeVisible();
    await shoot(mitid, "account-mitid-business");

    // QR pending, the phone page it leads to, then the IOE's account page after approval.
    const qrPage = await context();
    await qrPage.goto("/login/qr");
    const qr = qrPage.getByRole("img", { name: /QR code/ });
    await expect(qr).toBeVisible();
    await shoot(qrPage, "qr-pending");
    const qrUri = await decodeQr(qr);
    const phone = await context("en-GB", true);
    await phone.goto(qrUri);
    await expect(phone.getByRole("button", { name: "Approve" })).toBeVisible();
    await shoot(phone, "phone");
    await sandbox.digidentity.approveQr(qrUri, "ioe");
    await expect(qrPage).toHaveURL(/\/account$/);
    await expect(qrPage.getByTestId("uid-ioeuid")).toBeVisible();
    await shoot(qrPage, "account-ioe");

    const rsse = await context();
    await webLogin(rsse, "Ruben Smit — RSSE with chain authorisation");
    await expect(rsse.getByTestId("uid-rsseuid")).toBeVisible();
    await shoot(rsse, "account-rsse");
    // Signing out lands on the login page with a confirmation.
    await rsse.getByRole("button", { name: "Sign out" }).click();
    await expect(rsse.getByTestId("signed-out")).toBeVisible();
    await shoot(rsse, "signed-out");

    // The call centre: only the agent (Mia Holm, CALL_CENTRE_AGENTS' sandbox default) has the
    // page; a caller confirms with BankID on their phone, answered here through the sandbox.
    const agent = await context();
    await agent.goto("/login");
    await agent.getByRole("button", { name: "Log in with MitID Business via Idura" }).click();
    await agent.getByLabel("Mia Holm (MitID Erhverv)").check();
    await agent.getByRole("button", { name: "Log in" }).click();
    await expect(agent).toHaveURL(/\/account$/);
    await agent.getByRole("link", { name: "Call centre: verify a caller with BankID" }).click();
    await agent.getByLabel("Caller's national identity number").fill("199004152381");
    await agent.getByRole("button", { name: "Send request to the caller's phone" }).click();
    const binding = agent.getByTestId("ciba-binding-message");
    await expect(binding).toHaveText(/^RMI-\d{4}$/);
    await sandbox.idura.approveCiba((await binding.textContent()) ?? "");
    await expect(agent.getByTestId("ciba-customer-name")).toBeVisible({ timeout: 20_000 });
    await shoot(agent, "agent-confirmed");

    // The sandbox's MitID screen names the service that asks, not its client id.
    const mitidUser = await context();
    await mitidUser.goto("/login");
    await mitidUser.getByRole("button", { name: "Log in with MitID", exact: true }).click();
    await expect(mitidUser.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await shoot(mitidUser, "mitid-user-id");

    const idtoken = await context();
    await idtoken.goto("/login/idtoken");
    await idtoken.getByLabel("Token ID", { exact: true }).fill("IDT-SOFIA-ROSSI");
    await idtoken.getByRole("button", { name: "Send login request" }).click();
    const otp = idtoken.getByTestId("idtoken-otp");
    await expect(otp).toHaveText(/^\d{6}$/);
    await shoot(idtoken, "idtoken-otp");
    await sandbox.idtoken.reject("IDT-SOFIA-ROSSI", { otp: (await otp.textContent()) ?? "" });

    const bankid = await context();
    await bankid.goto("/login/bankid");
    const bankidQr = bankid.getByRole("img", { name: "BankID QR code" });
    await expect(bankidQr).toBeVisible();
    await shoot(bankid, "bankid-qr");
    await sandbox.idura.cancelBankId(await decodeQr(bankidQr));

    // Headless BankID on the phone in one's hand: "Open BankID on this device", the app's page.
    const bankidPhone = await context("en-GB", true);
    await bankidPhone.goto("/login/bankid");
    const openApp = bankidPhone.getByRole("link", { name: "Open BankID on this device" });
    await expect(openApp).toBeVisible();
    await shoot(bankidPhone, "bankid-phone");
    const [bankidApp] = await Promise.all([bankidPhone.context().waitForEvent("page"), openApp.click()]);
    await expect(bankidApp.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await shoot(bankidApp, "bankid-app-phone");
    await bankidApp.getByRole("button", { name: "Identify" }).click();
    await expect(bankidPhone).toHaveURL(/\/account$/);
    await shoot(bankidPhone, "account-phone");

    const error = await context();
    await error.goto("/auth/error?reason=authorisation_revoked&provider=digidentity&ref=3f9a1c07be42");
    await expect(error.getByTestId("login-error")).toBeVisible();
    await shoot(error, "error");

    const home = await context();
    await home.goto(`${sandboxUrl}/`);
    await expect(home.getByRole("heading", { level: 1 })).toBeVisible();
    await shoot(home, "sandbox-home");
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close();
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
