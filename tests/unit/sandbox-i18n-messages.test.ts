import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isStructurallySame, parse } from "@formatjs/icu-messageformat-parser";
import da from "../../sandbox/messages/da.json";
import en from "../../sandbox/messages/en.json";
import nl from "../../sandbox/messages/nl.json";
import { PERSONAS as DIGIDENTITY_PERSONAS } from "../../sandbox/digidentity/personas";
import { IDTOKEN_PERSONAS } from "../../sandbox/idtoken/personas";
import { ATOMIC_SCOPES } from "../../sandbox/idtoken/scopes";
import { ACR, IDURA_PERSONAS } from "../../sandbox/idura/personas";
import { MISBEHAVIOURS } from "../../sandbox/shared/misbehaviour";
import { PERSONAS as SIGNICAT_PERSONAS } from "../../sandbox/signicat/personas";

type Tree = { [key: string]: string | Tree };

/** Every message of a file by its dotted key, as use-intl looks them up. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    // use-intl reads a dot as nesting, so a dotted key could never be looked up.
    assert.ok(!key.includes("."), `the key "${key}" under "${prefix}" holds a dot`);
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const FILES = { en: flatten(en), nl: flatten(nl), da: flatten(da) };

describe("sandbox message files", () => {
  it("Dutch and Danish have exactly the keys of English", () => {
    const english = [...FILES.en.keys()].sort();
    for (const language of ["nl", "da"] as const) {
      assert.deepEqual(
        [...FILES[language].keys()].sort(),
        english,
        `${language}.json keys differ from en.json`,
      );
    }
  });

  it("every translation takes the same ICU arguments, with the same types, as English", () => {
    for (const [key, english] of FILES.en) {
      const reference = parse(english);
      for (const language of ["nl", "da"] as const) {
        const same = isStructurallySame(reference, parse(FILES[language].get(key) ?? ""));
        assert.ok(same.success, `${language}.json ${key}: ${same.error?.message}`);
      }
    }
  });

  it("no message is empty", () => {
    for (const [language, messages] of Object.entries(FILES)) {
      for (const [key, value] of messages)
        assert.notEqual(value.trim(), "", `${language}.json ${key} is empty`);
    }
  });

  it("has the texts that page code looks up by data: personas, eIDs, scopes and misbehaviour modes", () => {
    const dataKeys = [
      ...DIGIDENTITY_PERSONAS.flatMap((p) => [
        `digidentity.personas.${p.id}.label`,
        `digidentity.personas.${p.id}.demonstrates`,
      ]),
      ...SIGNICAT_PERSONAS.flatMap((p) => [
        `signicat.personas.${p.userId.replaceAll(".", "_")}.label`,
        `signicat.personas.${p.userId.replaceAll(".", "_")}.demonstrates`,
      ]),
      ...IDTOKEN_PERSONAS.map((p) => `idtoken.personas.${p.tokenId}`),
      ...Object.keys(ATOMIC_SCOPES).map((scope) => `idtoken.scopes.${scope}`),
      ...IDURA_PERSONAS.map((p) => `idura.personas.${p.id}`),
      ...Object.keys(ACR).map((acr) => `idura.eids.${acr}`),
      ...Object.keys(MISBEHAVIOURS).map((mode) => `misbehaviour.modes.${mode}`),
    ];
    for (const key of dataKeys) assert.ok(FILES.en.has(key), `en.json lacks ${key}`);
  });
});
