/**
 * The house rule: a provider is its folder and one line in a list, in the portal
 * (lib/providers/catalog.ts, docs/architecture.md "One list of providers") and in the sandbox
 * (sandbox/providers.ts, docs/sandbox.md). These checks read the source tree, so a change that
 * makes a second place know a provider fails here, with the place named.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";

import { PROVIDER_CATALOG } from "../../lib/providers/catalog";
import { SANDBOX_PROVIDERS } from "../../sandbox/providers";

const ROOT = join(import.meta.dirname, "../..");
const PROVIDERS_DIR = join(ROOT, "lib/providers");
const KEYS: string[] = PROVIDER_CATALOG.map((d) => d.key);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports from, static or dynamic. */
function specifiers(path: string): string[] {
  const text = readFileSync(path, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** The provider folder a specifier reaches into, if any (`@/lib/providers/<key>/…` or relative). */
function providerOf(fromFile: string, specifier: string): string | undefined {
  const absolute = specifier.startsWith("@/")
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? join(fromFile, "..", specifier)
      : undefined;
  if (!absolute) return undefined;
  const inside = relative(PROVIDERS_DIR, absolute).split("/");
  return inside[0] && !inside[0].startsWith("..") && inside.length > 1 ? inside[0] : undefined;
}

const portalFiles = [
  ...["app", "components", "lib", "types"].flatMap((d) => sourceFiles(join(ROOT, d))),
  ...readdirSync(ROOT)
    .filter((n) => /\.tsx?$/.test(n))
    .map((n) => join(ROOT, n)),
];

/** A page file in app/ that only re-exports a provider's own page: Next.js routes are files. */
const PAGE_REEXPORT =
  /^(\/\/[^\n]*\n)+export \{ default, generateMetadata \} from "@\/lib\/providers\/[a-z]+\/[a-z-]+";\n$/;

describe("a provider is one folder and one catalog line", () => {
  it("every folder under lib/providers/ is in the catalog, and every catalog entry has its folder", () => {
    const folders = readdirSync(PROVIDERS_DIR).filter((n) => statSync(join(PROVIDERS_DIR, n)).isDirectory());
    assert.deepEqual([...folders].sort(), [...KEYS].sort());
  });

  it("each descriptor loads its own folder's module", () => {
    for (const d of PROVIDER_CATALOG) {
      // The compiled function, not a call: calling it would load server code under plain Node.
      assert.match(String(d.load), /import\(["']\.\/index["']\)/, `${d.key}'s descriptor`);
      const index = readFileSync(join(PROVIDERS_DIR, d.key, "index.ts"), "utf8");
      assert.match(index, /export default defineProviderModule<"([a-z]+)"/, `${d.key}/index.ts`);
      assert.equal(/defineProviderModule<"([a-z]+)"/.exec(index)![1], d.key, `${d.key}/index.ts`);
    }
  });

  it("outside its folder, only the catalog and one-line page files import a provider's code", () => {
    const found: string[] = [];
    for (const file of portalFiles) {
      const rel = relative(ROOT, file);
      const own = rel.startsWith("lib/providers/") ? rel.split("/")[2] : undefined;
      for (const specifier of specifiers(file)) {
        const provider = providerOf(file, specifier);
        if (!provider || provider === own) continue;
        if (rel === "lib/providers/catalog.ts" && specifier === `./${provider}/descriptor`) continue;
        if (rel.startsWith("app/") && PAGE_REEXPORT.test(readFileSync(file, "utf8"))) continue;
        found.push(`${rel} imports ${specifier}`);
      }
    }
    assert.deepEqual(found, []);
  });
});

describe("a sandbox provider is one folder and one line in sandbox/providers.ts", () => {
  const SANDBOX_DIR = join(ROOT, "sandbox");
  const keys: string[] = SANDBOX_PROVIDERS.map((p) => p.key);
  const NOT_PROVIDERS = ["messages", "shared"];

  it("every provider folder is in the list, and every entry has its folder", () => {
    const folders = readdirSync(SANDBOX_DIR).filter(
      (n) => statSync(join(SANDBOX_DIR, n)).isDirectory() && !NOT_PROVIDERS.includes(n),
    );
    assert.deepEqual([...folders].sort(), [...keys].sort());
  });

  it("outside its folder, only sandbox/providers.ts imports a provider's code", () => {
    const found: string[] = [];
    for (const file of sourceFiles(SANDBOX_DIR)) {
      const rel = relative(SANDBOX_DIR, file);
      const own = rel.split("/").length > 1 ? rel.split("/")[0] : undefined;
      for (const specifier of specifiers(file)) {
        if (!specifier.startsWith(".")) continue;
        const target = relative(SANDBOX_DIR, join(file, "..", specifier)).split("/");
        const provider = keys.includes(target[0]!) ? target[0] : undefined;
        if (!provider || provider === own) continue;
        if (rel === "providers.ts" && specifier === `./${provider}`) continue;
        found.push(`sandbox/${rel} imports ${specifier}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
