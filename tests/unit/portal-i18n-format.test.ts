import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createTranslator } from "use-intl/core";

import { CLIENT_NAMESPACES } from "../../lib/i18n/client-namespaces";
import { formatMessage, type Messages } from "../../lib/i18n/format";
import { LOCALES } from "../../lib/i18n/locales";
import { PROVIDER_CATALOG } from "../../lib/providers/catalog";

async function messagesOf(locale: string): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`, { with: { type: "json" } })).default as Messages;
}

function leaves(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Every combination of sample values a message's arguments can take. */
function sampleValues(message: string): Record<string, string | number>[] {
  const args = new Map<string, string | undefined>();
  for (const m of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    if (!args.has(m[1]!) || m[2]) args.set(m[1]!, m[2]);
  }
  let combos: Record<string, string | number>[] = [{}];
  for (const [name, type] of args) {
    const samples =
      type === "plural" ? [0, 1, 2, 5, 21] : type === "select" ? ["unknown", "Digidentity"] : ["7", "X Y"];
    combos = combos.flatMap((c) => samples.map((s) => ({ ...c, [name]: s })));
  }
  return combos;
}

/**
 * The browser formats its messages with lib/i18n/format.ts instead of next-intl's runtime; here
 * each message a client component can show, in every language and with every kind of value,
 * comes out exactly as next-intl formats it on the server.
 */
describe("client message formatting (lib/i18n/format.ts)", () => {
  for (const locale of LOCALES) {
    it(`formats every client message in ${locale} as next-intl does`, async () => {
      const messages = await messagesOf(locale);
      let checked = 0;
      for (const namespace of CLIENT_NAMESPACES) {
        // A namespace a descriptor names but the messages lack would pass unchecked.
        assert.ok(messages[namespace], `${locale} has no ${namespace} messages`);
        const t = createTranslator({ locale, messages, namespace: namespace as never });
        for (const [key, message] of leaves((messages[namespace] ?? {}) as Messages)) {
          const tags = Object.fromEntries(
            [...message.matchAll(/<(\w+)>/g)].map((m) => [
              m[1]!,
              (chunks: unknown[]) => `[${m[1]}:${chunks.join("")}]`,
            ]),
          );
          for (const values of sampleValues(message)) {
            const ours = formatMessage(message, locale, { ...values, ...tags }).join("");
            const theirs = (t.markup as (k: string, v: object) => string)(key, {
              ...values,
              ...Object.fromEntries(Object.entries(tags).map(([tag, fn]) => [tag, (c: string) => fn([c])])),
            });
            assert.equal(ours, theirs, `${locale} ${namespace}.${key} ${JSON.stringify(values)}`);
            checked++;
          }
        }
      }
      assert.ok(checked > 50, `only ${checked} messages checked`);
    });
  }

  it("lets every provider's own client namespaces reach the browser, once", () => {
    for (const descriptor of PROVIDER_CATALOG) {
      for (const namespace of descriptor.clientNamespaces) {
        assert.ok(CLIENT_NAMESPACES.includes(namespace), `${descriptor.key}: ${namespace}`);
      }
    }
    assert.equal(new Set(CLIENT_NAMESPACES).size, CLIENT_NAMESPACES.length);
    assert.ok(CLIENT_NAMESPACES.includes("QrLogin") && CLIENT_NAMESPACES.includes("AgentVerify"));
  });

  it("refuses what it does not support, rather than showing it wrong", () => {
    assert.throws(() => formatMessage("{n, selectordinal, one {#st} other {#th}}", "en", { n: 1 }));
    assert.throws(() => formatMessage("<b>bold", "en", { b: (c) => c }));
    assert.throws(() => formatMessage("{missing}", "en", {}));
  });
});
