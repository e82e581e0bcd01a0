import { expect, type Page } from "@playwright/test";

import en from "../../../messages/en.json";

/** What the portal renders for a message it does not have (lib/i18n/missing.ts). */
const MISSING_MESSAGE_MARKER = "[missing message:";

/** A raw key such as `Login.title` or `LoginErrors.cancelled.body` showing instead of words. */
const RAW_KEY = new RegExp(`\\b(${Object.keys(en).join("|")})\\.[A-Za-z_-]+`);

export const LANGUAGES = {
  en: { locale: "en-GB", name: "English" },
  nl: { locale: "nl-NL", name: "Nederlands" },
  da: { locale: "da-DK", name: "Dansk" },
} as const;
export type Language = keyof typeof LANGUAGES;

/** The header's language switcher: one button per language, named in its own language. */
export class LanguageSwitcher {
  constructor(private readonly page: Page) {}
  button(language: Language) {
    return this.page.getByRole("button", { name: LANGUAGES[language].name, exact: true });
  }
  async choose(language: Language) {
    await this.button(language).click();
    await expectLanguage(this.page, language);
    await expect(this.button(language)).toHaveAttribute("aria-current", "true");
  }
}

export async function expectLanguage(page: Page, language: Language) {
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/**
 * The page is in `language`, its main heading reads exactly `heading`, and no message is
 * missing: neither the fallback marker nor a raw key anywhere in its text or its title.
 */
export async function expectTranslatedPage(page: Page, language: Language, heading: string) {
  await expectLanguage(page, language);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  const text = await page.evaluate(() => {
    const attributes = ["aria-label", "alt", "title", "placeholder"];
    const named = Array.from(document.querySelectorAll(attributes.map((a) => `[${a}]`).join(",")));
    const values = named.flatMap((el) => attributes.map((a) => el.getAttribute(a) ?? ""));
    return [document.title, document.body.innerText, ...values].join("\n");
  });
  expect(text).not.toContain(MISSING_MESSAGE_MARKER);
  expect(text).not.toMatch(RAW_KEY);
}
