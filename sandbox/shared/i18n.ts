import type { Context, MiddlewareHandler } from "hono";
import { getContext } from "hono/context-storage";
import { setCookie } from "hono/cookie";
import { languageDetector } from "hono/language";
import { createFormatter, createTranslator } from "use-intl/core";

import da from "../messages/da.json";
import en from "../messages/en.json";
import nl from "../messages/nl.json";

/**
 * The sandbox's page languages. Each request's language comes from `?lang=` (the switcher), then
 * the cookie the switcher set, then the browser's Accept-Language, so a page a phone opens from a
 * QR code follows the phone, not the computer that showed the code. Only pages for people are
 * translated: JSON for machines (control endpoints, OAuth errors) stays English.
 */
export const LANGUAGES = ["en", "nl", "da"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words, as the switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", nl: "Nederlands", da: "Dansk" };

/** Not the portal's cookie name: on localhost the portal and the sandbox share cookies across ports. */
export const LANGUAGE_COOKIE = "sandbox_lang";
export const LANGUAGE_QUERY = "lang";

/** Typed by the English file; the others must have the same keys (tests/unit/sandbox-i18n-messages.test.ts). */
export const MESSAGES: Record<Language, typeof en> = { en, nl, da };

function makeTranslator(language: Language) {
  return createTranslator({
    locale: language,
    messages: MESSAGES[language],
    // A missing or broken message fails the page instead of showing a raw key to a person.
    onError(error) {
      throw error;
    },
  });
}

type Translator = ReturnType<typeof makeTranslator>;
export type MessageKey = Parameters<Translator>[0];
type Values = Record<string, string | number | Date>;

const translators = Object.fromEntries(LANGUAGES.map((l) => [l, makeTranslator(l)])) as Record<
  Language,
  Translator
>;

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The current request, for page helpers that are not handed the context. */
function requestContext(): Context {
  try {
    return getContext();
  } catch {
    throw new Error("sandbox pages are rendered inside a request (a home section must be a function)");
  }
}

export function currentLanguage(): Language {
  const language: unknown = requestContext().get("language");
  return isLanguage(language) ? language : "en";
}

/** The text of `key` in the current request's language. */
export function t(key: MessageKey, values?: Values): string {
  return translators[currentLanguage()](key, values as never);
}

/** Whether `key` has a message; for keys built at run time from data that may grow. */
export function hasMessage(key: string): boolean {
  return translators[currentLanguage()].has(key as MessageKey);
}

/**
 * The sandbox runs on the demo machine and the phones that scan its codes sit next to it, so its
 * own time zone is theirs; pages run no script that could ask the phone.
 */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Dates, times and durations in the current request's language. */
export function formatter() {
  return createFormatter({
    locale: currentLanguage(),
    timeZone: TIME_ZONE,
    onError(error) {
      throw error;
    },
  });
}

/**
 * Detects the language (hono's languageDetector) and remembers a `?lang=` choice in a cookie.
 * Only an explicit choice is stored: a language taken from Accept-Language is not, so each
 * browser keeps following its own settings until someone picks one.
 */
export function languageMiddleware(): MiddlewareHandler {
  const detect = languageDetector({
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: "en",
    order: ["querystring", "cookie", "header"],
    lookupQueryString: LANGUAGE_QUERY,
    lookupCookie: LANGUAGE_COOKIE,
    caches: false,
  });
  return async (c, next) =>
    detect(c, async () => {
      const chosen = c.req.query(LANGUAGE_QUERY);
      if (isLanguage(chosen)) {
        setCookie(c, LANGUAGE_COOKIE, chosen, {
          path: "/",
          httpOnly: true,
          sameSite: "Lax",
          // A phone on the LAN reaches the sandbox over plain http; a Secure cookie would be dropped.
          secure: new URL(c.req.url).protocol === "https:",
          maxAge: 365 * 24 * 60 * 60,
        });
      }
      await next();
    });
}

/**
 * The switcher's links. A page that answered a GET reloads itself in the chosen language; a page
 * that answered a form (a MitID step, a result) cannot be fetched again, so its links go to
 * `/language`, which stores the choice and answers 204: the page stays, the next one follows it.
 */
export function languageLinks(): { language: Language; name: string; href: string; current: boolean }[] {
  const c = requestContext();
  const url = new URL(c.req.url);
  const current = currentLanguage();
  return LANGUAGES.map((language) => {
    let href: string;
    if (c.req.method === "GET") {
      const params = new URLSearchParams(url.search);
      params.set(LANGUAGE_QUERY, language);
      href = `${url.pathname}?${params.toString()}`;
    } else {
      href = `/language?${LANGUAGE_QUERY}=${language}`;
    }
    return { language, name: LANGUAGE_NAMES[language], href, current: language === current };
  });
}

export function pageIsFormAnswer(): boolean {
  return requestContext().req.method !== "GET";
}
