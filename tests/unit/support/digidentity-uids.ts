/**
 * Digidentity's documented UID sets, read from the recorded user-info answers of its API docs
 * (fixtures/digidentity/, each naming its source), so the tests state them in one place. The
 * sandbox's personas copy these sets verbatim (sandbox/digidentity/personas.ts), and the tests
 * that compare the sandbox's answers with them are what keeps it so.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import type { UidSet } from "../../../sandbox/digidentity/personas";

function recorded<K extends keyof UidSet>(name: string, keys: readonly K[]): Readonly<Record<K, string>> {
  const { body } = JSON.parse(
    readFileSync(new URL(`../fixtures/digidentity/${name}.json`, import.meta.url), "utf8"),
  ) as { body: Record<string, unknown> };
  assert.deepEqual(Object.keys(body).sort(), [...keys].sort(), `${name}: the UID attributes`);
  for (const key of keys) assert.equal(typeof body[key], "string", `${name}: ${key}`);
  return Object.freeze(body as Record<K, string>);
}

const IOE_KEYS = ["sub", "cabuid", "iouid", "ioeuid"] as const;

/** The IOE set: sub, cabuid, iouid, ioeuid. */
export const DOCUMENTED_IOE = recorded("userinfo-ioe", IOE_KEYS);
/** The RSSE set: the UIDs of the IOE it acts for, its own sub, rssuid and rsseuid. */
export const DOCUMENTED_RSSE = recorded("userinfo-rsse", [...IOE_KEYS, "rssuid", "rsseuid"]);
