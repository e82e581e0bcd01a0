import { appendFileSync, mkdirSync } from "node:fs";

import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

import type { Sandbox } from "../../kit";
import { KeyboardUser } from "./keyboard";
import { LanguageSwitcher } from "./languages";
import { MitidScreens, PortalMitidChoices } from "./mitid";
import {
  AccountPage,
  AgentVerifyPage,
  BankIdApp,
  BankIdQrPage,
  DigidentityForm,
  IdTokenLoginPage,
  IdTokenPhone,
  IduraLoginForm,
  LoginPage,
  QrPage,
} from "./pages";
import { sandboxFor } from "./sandbox";
import { SandboxLanguage } from "./sandbox-languages";

export * from "@playwright/test";

export const URL_LOG = "logs/e2e/visited-urls.txt";

/** The phone's context by default: a phone viewport, touch, a mobile layout (`phoneOptions`). */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

/** The URL recording every spec's `test` has (recordUrls). */
export type UrlRecording = {
  /** Off only for a test that puts a personal number into a URL on purpose, to prove it is refused. */
  auditVisitedUrls: boolean;
  recordVisitedUrls: void;
};

/** What `test` gives besides Playwright's own fixtures and the URL recording. */
export type SuiteFixtures = {
  /** The test run's sandbox through the kit's client (the control endpoints). */
  sandbox: Sandbox;
  /** The context options of `phone`: PHONE unless a file or describe sets its own with test.use. */
  phoneOptions: BrowserContextOptions;
  /** A second device: a page in a browser context of its own, closed after the test. */
  phone: Page;
  // Page objects on the test's `page`.
  loginPage: LoginPage;
  digidentityForm: DigidentityForm;
  qrPage: QrPage;
  accountPage: AccountPage;
  idTokenLoginPage: IdTokenLoginPage;
  iduraLoginForm: IduraLoginForm;
  bankIdQrPage: BankIdQrPage;
  agentVerifyPage: AgentVerifyPage;
  mitidChoices: PortalMitidChoices;
  mitidScreens: MitidScreens;
  keyboardUser: KeyboardUser;
  languageSwitcher: LanguageSwitcher;
  sandboxLanguage: SandboxLanguage;
  // Page objects on `phone`.
  /** Digidentity's phone app page (the QR code's URL), opened by the test on `phone`. */
  digidentityApp: DigidentityForm;
  /** The IDToken app's push inbox on `phone`; `open(tokenId)` first. */
  idTokenPhone: IdTokenPhone;
  /** The BankID app on `phone`; `open()` first. */
  bankIdApp: BankIdApp;
};

/**
 * Every URL any page of any test asks for is written to URL_LOG, for the audit (audit.spec.ts)
 * that checks no code, token or personal number ever travelled in one. Covers the test's own
 * context, the `phone` and every context a test opens itself. Specs written with the kit's own
 * `test` get it through ./kit-test.ts.
 */
export const recordUrls = base.extend<UrlRecording>({
  auditVisitedUrls: [true, { option: true }],
  recordVisitedUrls: [
    async ({ context, browser, auditVisitedUrls }, provide) => {
      mkdirSync("logs/e2e", { recursive: true });
      const urls: string[] = [];
      const watch = (ctx: BrowserContext) => ctx.on("request", (request) => urls.push(request.url()));
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      const newPage = browser.newPage.bind(browser);
      browser.newPage = async (...args) => {
        const page = await newPage(...args);
        watch(page.context());
        return page;
      };
      await provide();
      browser.newContext = newContext;
      browser.newPage = newPage;
      if (auditVisitedUrls && urls.length > 0) appendFileSync(URL_LOG, urls.join("\n") + "\n");
    },
    { auto: true },
  ],
});

/**
 * The suite's `test`: page objects, the sandbox's client and the phone come in as fixtures
 * (docs/testing.md#fixtures-of-the-browser-tests), on top of the URL recording. Fixtures are
 * lazy: a test pays only for those it names.
 */
export const test = recordUrls.extend<SuiteFixtures>({
  sandbox: async ({ request }, provide) => {
    await provide(sandboxFor(request));
  },
  phoneOptions: [PHONE, { option: true }],
  // Named dependency on recordVisitedUrls: its watch is in place before the phone's context
  // opens, and the phone is closed (its requests all seen) before the URLs are written.
  phone: async ({ browser, phoneOptions, recordVisitedUrls }, provide) => {
    void recordVisitedUrls;
    const context = await browser.newContext(phoneOptions);
    await provide(await context.newPage());
    await context.close();
  },
  loginPage: async ({ page }, provide) => provide(new LoginPage(page)),
  digidentityForm: async ({ page }, provide) => provide(new DigidentityForm(page)),
  qrPage: async ({ page }, provide) => provide(new QrPage(page)),
  accountPage: async ({ page }, provide) => provide(new AccountPage(page)),
  idTokenLoginPage: async ({ page }, provide) => provide(new IdTokenLoginPage(page)),
  iduraLoginForm: async ({ page }, provide) => provide(new IduraLoginForm(page)),
  bankIdQrPage: async ({ page }, provide) => provide(new BankIdQrPage(page)),
  agentVerifyPage: async ({ page }, provide) => provide(new AgentVerifyPage(page)),
  mitidChoices: async ({ page }, provide) => provide(new PortalMitidChoices(page)),
  mitidScreens: async ({ page }, provide) => provide(new MitidScreens(page)),
  keyboardUser: async ({ page }, provide) => provide(new KeyboardUser(page)),
  languageSwitcher: async ({ page }, provide) => provide(new LanguageSwitcher(page)),
  sandboxLanguage: async ({ page }, provide) => provide(new SandboxLanguage(page)),
  digidentityApp: async ({ phone }, provide) => provide(new DigidentityForm(phone)),
  idTokenPhone: async ({ phone }, provide) => provide(new IdTokenPhone(phone)),
  bankIdApp: async ({ phone }, provide) => provide(new BankIdApp(phone)),
});
