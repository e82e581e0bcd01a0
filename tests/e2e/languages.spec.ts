import { IDURA_PERSONAS } from "../kit";
import { expect, test, type Page } from "./support/fixtures";

import { PORTAL_URL } from "./support/env";
import { MITID } from "./support/mitid";
import {
  expectLanguage,
  expectTranslatedPage,
  LANGUAGES,
  LanguageSwitcher,
  type Language,
} from "./support/languages";

const ALL: Language[] = ["en", "nl", "da"];

/** The words each page must show, exactly, in each language (messages/<language>.json). */
const TEXT = {
  en: {
    login: "Log in to the RMI portal",
    loginTitle: "Log in · Example Motors RMI portal",
    qr: "Log in with the Digidentity app",
    qrImage: "QR code to scan with the Digidentity app",
    qrCountdown: /^This code expires in \d:\d\d$/,
    idToken: "Log in with IDToken",
    tokenIdLabel: "Token ID",
    bankId: "Log in with Swedish BankID",
    bankIdImage: "BankID QR code",
    qrExpired: "The QR code has expired",
    accessDeniedSignicat: "Signicat did not grant access",
    accessDeniedUnknown: "The identity provider did not grant access",
    notFound: "Page not found",
    account: "Your account",
    ioeRole: "You are logged in as an independent operator employee (IOE).",
    qrProvider: "Digidentity app (QR code)",
    report: "Identity verification report",
    reportDob: "March 14, 1986",
    reportDocument: "Passport",
    agentVerify: "Verify a caller",
    agentRefused: "This page is for call-centre agents",
    mitidRole: "You are logged in with MitID as yourself.",
    substantial: "Substantial",
    nordicRole: "You are logged in with Norwegian BankID.",
  },
  nl: {
    login: "Inloggen op het RMI-portaal",
    loginTitle: "Inloggen · Example Motors RMI-portaal",
    qr: "Inloggen met de Digidentity-app",
    qrImage: "QR-code om te scannen met de Digidentity-app",
    qrCountdown: /^Deze code verloopt over \d:\d\d$/,
    idToken: "Inloggen met IDToken",
    tokenIdLabel: "Token-ID",
    bankId: "Inloggen met Zweedse BankID",
    bankIdImage: "BankID-QR-code",
    qrExpired: "De QR-code is verlopen",
    accessDeniedSignicat: "Signicat heeft geen toegang gegeven",
    accessDeniedUnknown: "De identiteitsprovider heeft geen toegang gegeven",
    notFound: "Pagina niet gevonden",
    account: "Uw account",
    ioeRole: "U bent ingelogd als medewerker van een onafhankelijke marktdeelnemer (IOE).",
    qrProvider: "Digidentity-app (QR-code)",
    report: "Rapport identiteitsverificatie",
    reportDob: "14 maart 1986",
    reportDocument: "Paspoort",
    agentVerify: "Een beller verifiëren",
    agentRefused: "Deze pagina is voor klantenservicemedewerkers",
    mitidRole: "U bent ingelogd met MitID als uzelf.",
    substantial: "Substantieel",
    nordicRole: "U bent ingelogd met Noorse BankID.",
  },
  da: {
    login: "Log ind på RMI-portalen",
    loginTitle: "Log ind · Example Motors RMI-portal",
    qr: "Log ind med Digidentity-appen",
    qrImage: "QR-kode, der skal scannes med Digidentity-appen",
    qrCountdown: /^Koden udløber om \d:\d\d$/,
    idToken: "Log ind med IDToken",
    tokenIdLabel: "Token-ID",
    bankId: "Log ind med svensk BankID",
    bankIdImage: "BankID-QR-kode",
    qrExpired: "QR-koden er udløbet",
    accessDeniedSignicat: "Signicat gav ikke adgang",
    accessDeniedUnknown: "Identitetsudbyderen gav ikke adgang",
    notFound: "Siden blev ikke fundet",
    account: "Din konto",
    ioeRole: "Du er logget ind som medarbejder hos en uafhængig operatør (IOE).",
    qrProvider: "Digidentity-appen (QR-kode)",
    report: "Rapport om identitetsverifikation",
    reportDob: "14. marts 1986",
    reportDocument: "Pas",
    agentVerify: "Bekræft en opkalders identitet",
    agentRefused: "Denne side er for kundeservicemedarbejdere",
    mitidRole: "Du er logget ind med MitID som dig selv.",
    substantial: "Betydelig",
    nordicRole: "Du er logget ind med norsk BankID.",
  },
} as const;

/** Every page a person can reach without logging in, in the language the browser asks for. */
async function expectPublicPages(page: Page, language: Language) {
  const text = TEXT[language];
  await page.goto("/login");
  await expectTranslatedPage(page, language, text.login);
  await expect(page).toHaveTitle(text.loginTitle);

  await page.goto("/login/qr");
  await expect(page.getByRole("img", { name: text.qrImage, exact: true })).toBeVisible();
  await expect(page.getByTestId("qr-countdown")).toHaveText(text.qrCountdown);
  await expectTranslatedPage(page, language, text.qr);

  await page.goto("/login/idtoken");
  await expect(page.getByLabel(text.tokenIdLabel, { exact: true })).toBeVisible();
  await expectTranslatedPage(page, language, text.idToken);

  await page.goto("/login/bankid");
  await expect(page.getByRole("img", { name: text.bankIdImage, exact: true })).toBeVisible();
  await expectTranslatedPage(page, language, text.bankId);

  await page.goto("/auth/error?reason=qr_expired&ref=0123456789ab");
  await expectTranslatedPage(page, language, text.qrExpired);
  await expect(page.getByTestId("error-ref")).toHaveText("0123456789ab");
  await page.goto("/auth/error?reason=access_denied&provider=signicat");
  await expectTranslatedPage(page, language, text.accessDeniedSignicat);
  await page.goto("/auth/error?reason=access_denied&provider=%3Cb%3Ex%3C%2Fb%3E");
  await expectTranslatedPage(page, language, text.accessDeniedUnknown);

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expectTranslatedPage(page, language, text.notFound);
}

for (const language of ALL) {
  test.describe(`in ${LANGUAGES[language].name}, chosen by the browser's Accept-Language`, () => {
    test.use({ locale: LANGUAGES[language].locale });

    test("login, QR pending, IDToken, BankID, error and not-found pages", async ({ page }) => {
      await expectPublicPages(page, language);
    });
  });
}

test.describe("the language switcher", () => {
  test("changes the language on every page, and the cookie remembers it over Accept-Language", async ({
    page,
    context,
    languageSwitcher,
  }) => {
    await page.goto("/login");
    await expectTranslatedPage(page, "en", TEXT.en.login);
    await expect(languageSwitcher.button("en")).toHaveAttribute("aria-current", "true");

    for (const language of ["nl", "da"] as const) {
      await languageSwitcher.choose(language);
      await expectPublicPages(page, language);
    }

    const cookie = (await context.cookies(PORTAL_URL)).find((c) => c.name === "NEXT_LOCALE");
    expect(cookie).toMatchObject({ value: "da", sameSite: "Lax", httpOnly: false, path: "/" });
    const year = 365 * 24 * 60 * 60;
    expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(year - 60);
    expect(cookie!.expires - Date.now() / 1000).toBeLessThanOrEqual(year + 60);

    // The switcher can be used with the keyboard alone.
    await languageSwitcher.button("en").focus();
    await page.keyboard.press("Enter");
    await expectTranslatedPage(page, "en", TEXT.en.notFound);
  });

  test("a cookie naming no language of the portal is ignored", async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "xx", url: PORTAL_URL }]);
    await page.goto("/login");
    await expectTranslatedPage(page, "en", TEXT.en.login);
  });
});

/** On the account page: switch to each language in turn, check the page, then `check` its details. */
async function accountInEveryLanguage(
  page: Page,
  switcher: LanguageSwitcher,
  check: (language: Language, text: (typeof TEXT)[Language]) => Promise<void>,
) {
  for (const language of ["nl", "da", "en"] as const) {
    await switcher.choose(language);
    await expectTranslatedPage(page, language, TEXT[language].account);
    await check(language, TEXT[language]);
  }
}

/**
 * Pages behind a login, for each kind of identity. The logins happen in English (the sandbox's
 * pages are not the portal's to translate); then the switcher turns the portal's pages over.
 */
test.describe("account pages in every language", () => {
  test("Digidentity (SERMI): account, identity report, and the call-centre page's refusal", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    sandbox,
    languageSwitcher,
  }) => {
    await loginPage.goto();
    await loginPage.startQrLogin();
    const uri = await qrPage.scan();
    await sandbox.digidentity.approveQr(uri, "ioe");
    await accountPage.expectLoaded();

    await accountInEveryLanguage(page, languageSwitcher, async (language, text) => {
      await expect(page.getByTestId("account-role")).toHaveText(text.ioeRole);
      await expect(page.getByTestId("login-provider")).toHaveText(text.qrProvider);

      await page.goto("/account/report");
      await expect(page.getByTestId("report-dob")).toHaveText(text.reportDob);
      await expect(page.getByTestId("report-document-type")).toHaveText(text.reportDocument);
      await expectTranslatedPage(page, language, text.report);

      // A mechanic is no call-centre agent: the page says so in the chosen language.
      await page.goto("/agent/verify");
      await expectTranslatedPage(page, language, text.agentRefused);
      await page.goto("/account");
    });
  });

  // IDToken's account page is checked in idtoken.spec.ts, whose tests share the sandbox's phone
  // inbox on purpose and run one at a time.

  test("MitID through Signicat", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
    languageSwitcher,
  }) => {
    await mitidChoices.plain();
    await mitidScreens.logIn(MITID.peter.userId);
    await accountPage.expectLoaded();

    await accountInEveryLanguage(page, languageSwitcher, async (language, text) => {
      await expect(page.getByTestId("account-role")).toHaveText(text.mitidRole);
      await expect(page.getByTestId("mitid-loa")).toHaveText(text.substantial);
    });
  });

  test("a Nordic eID through Idura", async ({
    page,
    loginPage,
    accountPage,
    iduraLoginForm,
    languageSwitcher,
  }) => {
    await loginPage.goto();
    await page.getByRole("button", { name: "Log in with Norwegian BankID via Idura", exact: true }).click();
    await iduraLoginForm.logIn("Norwegian BankID", IDURA_PERSONAS.ola.label);
    await accountPage.expectLoaded();

    await accountInEveryLanguage(page, languageSwitcher, async (language, text) => {
      await expect(page.getByTestId("account-role")).toHaveText(text.nordicRole);
    });
  });
});

test("the call-centre agent: account and the call-centre page in every language", async ({
  page,
  agentVerifyPage,
  languageSwitcher,
}) => {
  await agentVerifyPage.signIn();
  await page.goto("/account");
  await accountInEveryLanguage(page, languageSwitcher, async (language, text) => {
    await page.goto("/agent/verify");
    await expectTranslatedPage(page, language, text.agentVerify);
    await page.goto("/account");
  });
});

test.describe("after a language is chosen", () => {
  test.use({ locale: LANGUAGES.da.locale });

  test("the browser's language counts again only once the cookie is gone", async ({
    page,
    context,
    languageSwitcher,
  }) => {
    await page.goto("/login");
    await expectLanguage(page, "da");
    await languageSwitcher.choose("nl");
    await page.goto("/login/idtoken");
    await expectTranslatedPage(page, "nl", TEXT.nl.idToken);
    await context.clearCookies({ name: "NEXT_LOCALE" });
    await page.goto("/login/idtoken");
    await expectTranslatedPage(page, "da", TEXT.da.idToken);
  });
});
