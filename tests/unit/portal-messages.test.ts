import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator, type IntlError } from "use-intl/core";

import { LOCALES, negotiateLocale } from "../../lib/i18n/locales";
import { MISSING_MESSAGE_MARKER, missingMessage, shouldThrow } from "../../lib/i18n/missing";
import { LOGIN_ERROR_REASONS } from "../../lib/login-failure/reasons";

type Tree = { [key: string]: string | Tree };

const MESSAGES_DIR = new URL("../../messages/", import.meta.url);
const messages: Record<string, Tree> = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(new URL(`${locale}.json`, MESSAGES_DIR), "utf8")) as Tree,
  ]),
);

/** Every message by its full key, e.g. `LoginErrors.cancelled.title`. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * What a message needs from the code: its arguments with their kinds, its rich-text tags, and
 * the cases of each select. Plural cases differ by language on purpose, so they are not compared.
 */
function signature(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        out.add(`{${el.value}}`);
        break;
      case TYPE.number:
        out.add(`{${el.value}, number}`);
        break;
      case TYPE.date:
      case TYPE.time:
        out.add(`{${el.value}, date}`);
        break;
      case TYPE.select:
        out.add(`{${el.value}, select: ${Object.keys(el.options).sort().join(" ")}}`);
        for (const option of Object.values(el.options)) signature(option.value, out);
        break;
      case TYPE.plural:
        out.add(`{${el.value}, plural}`);
        for (const option of Object.values(el.options)) signature(option.value, out);
        break;
      case TYPE.tag:
        out.add(`<${el.value}>`);
        signature(el.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(messages[locale]!)]));
const english = flat.en!;

describe("messages", () => {
  it("has a file for every locale and none for a locale the portal does not offer", () => {
    const files = readdirSync(MESSAGES_DIR).filter((f) => f.endsWith(".json"));
    assert.deepEqual(files.sort(), LOCALES.map((l) => `${l}.json`).sort());
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale}.json has exactly the keys of en.json`, () => {
      const missing = [...english.keys()].filter((k) => !flat[locale]!.has(k));
      const extra = [...flat[locale]!.keys()].filter((k) => !english.has(k));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });

    it(`${locale}.json asks for the same arguments, tags and select cases as en.json`, () => {
      const differing: string[] = [];
      for (const [key, source] of english) {
        const translated = flat[locale]!.get(key);
        if (translated === undefined) continue;
        const want = [...signature(parse(source))].sort();
        const got = [...signature(parse(translated))].sort();
        if (JSON.stringify(want) !== JSON.stringify(got))
          differing.push(`${key}: ${want.join(" ")} ≠ ${got.join(" ")}`);
      }
      assert.deepEqual(differing, []);
    });
  }

  for (const locale of LOCALES) {
    it(`every ${locale} message is valid ICU and has no empty text`, () => {
      for (const [key, text] of flat[locale]!) {
        assert.ok(text.trim() !== "", `${locale}: ${key} is empty`);
        assert.doesNotThrow(() => parse(text), `${locale}: ${key} is not valid ICU`);
      }
    });

    it(`${locale} words every login failure reason, naming the provider or not`, () => {
      const t = createTranslator({ locale, messages: messages[locale]!, namespace: "LoginErrors" as never });
      for (const reason of LOGIN_ERROR_REASONS) {
        for (const provider of ["Digidentity", "unknown"]) {
          const title = (t as (k: string, v: object) => string)(`${reason}.title`, { provider });
          assert.ok(title && !title.includes("{") && !title.includes("unknown"), `${locale}: ${reason}`);
        }
      }
    });
  }

  it("has each login failure reason once: shared, or one provider's own", () => {
    assert.equal(new Set(LOGIN_ERROR_REASONS).size, LOGIN_ERROR_REASONS.length);
    // Public contracts a provider's descriptor now declares (lib/providers/<p>/descriptor.ts).
    for (const reason of ["qr_declined", "transfer_late", "idtoken_replaced", "mitid_claims_missing"]) {
      assert.ok(LOGIN_ERROR_REASONS.includes(reason as never), reason);
    }
  });

  it("names every locale in the switcher in its own language", () => {
    for (const locale of LOCALES) {
      const t = createTranslator({
        locale,
        messages: messages[locale]!,
        namespace: "LocaleSwitcher" as never,
      });
      const names = LOCALES.map((l) => (t as (k: string, v: object) => string)("name", { locale: l }));
      assert.deepEqual(names, ["English", "Nederlands", "Dansk"]);
    }
  });
});

describe("a missing message", () => {
  const translate = (strict?: boolean) => {
    const errors: IntlError[] = [];
    const t = createTranslator({
      locale: "en",
      messages: messages.en!,
      onError: (error) => {
        errors.push(error);
        if (shouldThrow(error, strict)) throw error;
      },
      getMessageFallback: missingMessage,
    });
    return { text: (t as (k: string) => string)("Login.noSuchKey"), errors };
  };

  it("stops the render outside production, so it is caught where it is written", () => {
    assert.notEqual(process.env.NODE_ENV, "production");
    assert.throws(() => translate(), /MISSING_MESSAGE/);
  });

  it("renders a conspicuous marker in production, never a blank", () => {
    const { text, errors } = translate(false);
    assert.equal(text, `${MISSING_MESSAGE_MARKER}Login.noSuchKey]`);
    assert.equal(errors.length, 1);
  });
});

describe("choosing the language", () => {
  it("takes the switcher's cookie first", () => {
    assert.equal(negotiateLocale("da", "nl-NL,nl;q=0.9"), "da");
  });

  it("ignores a cookie naming a language the portal does not speak", () => {
    assert.equal(negotiateLocale("fr", "nl-NL"), "nl");
    assert.equal(negotiateLocale("<script>", null), "en");
  });

  it("else follows Accept-Language, regional variants and q-values included", () => {
    assert.equal(negotiateLocale(undefined, "nl-BE"), "nl");
    assert.equal(negotiateLocale(undefined, "da-DK,da;q=0.9,en;q=0.8"), "da");
    assert.equal(negotiateLocale(undefined, "de-DE, nl;q=0.5, da;q=0.4"), "nl");
    assert.equal(negotiateLocale(undefined, "en-GB"), "en");
  });

  it("else speaks English", () => {
    assert.equal(negotiateLocale(undefined, null), "en");
    assert.equal(negotiateLocale(undefined, "fr-FR,de;q=0.5"), "en");
    assert.equal(negotiateLocale(undefined, "da;q=0"), "en");
  });
});
