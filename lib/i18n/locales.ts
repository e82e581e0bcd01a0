import Negotiator from "negotiator";

/**
 * The languages the portal speaks. To add one: add its code here, add messages/<code>.json
 * with exactly the keys of messages/en.json (a unit test checks), and its name to
 * `LocaleSwitcher.name` in every messages file.
 */
export const LOCALES = ["en", "nl", "da"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The switcher's choice; not a secret, so readable by scripts and kept for a year. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The switcher's choice if there is one, else the best match for the browser's Accept-Language
 * (`nl-BE` counts as `nl`, q-values are honoured), else English. No locale ever goes in a URL.
 */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const [best] = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages([...LOCALES]);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}
