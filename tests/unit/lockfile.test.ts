import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

/**
 * The committed lockfile must serve every platform (docs/install.md): a lockfile pruned to one
 * platform's native binaries makes `npm ci` miss them on a vendor's Mac or Windows laptop, and
 * makes `npm install` on a fresh clone rewrite the file.
 */
const root = path.join(import.meta.dirname, "..", "..");
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; optional?: boolean }>;
};
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

/** Each native family, by the lockfile name of its binary on Linux, macOS and Windows (x64, arm64). */
const NATIVE: Record<string, string[]> = {
  "@next/swc": [
    "linux-x64-gnu",
    "linux-arm64-gnu",
    "darwin-x64",
    "darwin-arm64",
    "win32-x64-msvc",
    "win32-arm64-msvc",
  ],
  "@esbuild": ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64", "win32-arm64"],
  "@img/sharp": ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64", "win32-arm64"],
  "@tailwindcss/oxide": [
    "linux-x64-gnu",
    "linux-arm64-gnu",
    "darwin-x64",
    "darwin-arm64",
    "win32-x64-msvc",
    "win32-arm64-msvc",
  ],
};

describe("package-lock.json", () => {
  it("lists the native binaries of Linux, macOS and Windows, as optional dependencies", () => {
    for (const [family, platforms] of Object.entries(NATIVE)) {
      for (const platform of platforms) {
        const name = family.includes("/") ? `${family}-${platform}` : `${family}/${platform}`;
        const entry = lock.packages[`node_modules/${name}`];
        assert.ok(entry, `${name} is missing: the lockfile was pruned to one platform`);
        assert.equal(entry.optional, true, `${name} should be optional`);
      }
    }
  });

  it("pins exactly the versions package.json asks for", () => {
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      assert.equal(lock.packages[`node_modules/${name}`]?.version, version, name);
    }
  });

  it("the three install scripts the project does without are denied explicitly", () => {
    assert.deepEqual(manifest.allowScripts, { "@parcel/watcher": false, "@swc/core": false, esbuild: false });
  });
});
