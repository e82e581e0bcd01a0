/** When `npm run demo` may skip `next build` (scripts/build-freshness.ts), on a made-up project. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, test } from "node:test";

import { buildFreshness, stampBuild } from "../../scripts/build-freshness";

let root: string;
const write = (file: string, text: string, mtime?: Date) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  if (mtime) utimesSync(path.join(root, file), mtime, mtime);
};
const past = new Date(Date.now() - 3_600_000);
const now = new Date();

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "build-freshness-"));
  write("app/page.tsx", "export default 1", past);
  write("messages/en.json", "{}", past);
  write("sandbox/server.ts", "// not built", past);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("no build: not fresh", () => {
  assert.deepEqual(buildFreshness(root, {}), { fresh: false, why: "there is no build yet" });
});

test("a build newer than every source, made elsewhere: fresh, and stamped", () => {
  write(".next/BUILD_ID", "one", now);
  assert.equal(buildFreshness(root, {}).fresh, true);
  // From now on the hash decides: touching a file without changing it keeps the build fresh.
  utimesSync(path.join(root, "app/page.tsx"), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
  assert.deepEqual(buildFreshness(root, {}), { fresh: true, why: "the build matches the sources" });
});

test("a source changed after the build: not fresh, naming it", () => {
  write(".next/BUILD_ID", "one", new Date(past.getTime() + 1000));
  write("messages/en.json", '{"a":"b"}', now);
  assert.deepEqual(buildFreshness(root, {}), {
    fresh: false,
    why: `${path.join("messages", "en.json")} changed after the last build`,
  });
});

test("with a stamp, a changed file, a new file or a NEXT_PUBLIC_ variable makes it stale", () => {
  write(".next/BUILD_ID", "one", now);
  stampBuild(root, {});
  assert.equal(buildFreshness(root, {}).fresh, true);
  assert.equal(buildFreshness(root, { NEXT_PUBLIC_X: "1" }).fresh, false);
  write("app/page.tsx", "export default 2", past);
  assert.deepEqual(buildFreshness(root, {}), {
    fresh: false,
    why: "the sources changed since the last build",
  });
  write("app/page.tsx", "export default 1", past);
  assert.equal(buildFreshness(root, {}).fresh, true);
  write("proxy.ts", "export {}", past);
  assert.equal(buildFreshness(root, {}).fresh, false);
});

test("the sandbox, tests and docs are not portal sources", () => {
  write(".next/BUILD_ID", "one", now);
  stampBuild(root, {});
  write("sandbox/server.ts", "// changed", now);
  write("tests/e2e/a.spec.ts", "x", now);
  write("docs/demo.md", "x", now);
  write("README.md", "x", now);
  write("tsconfig.tsbuildinfo", "x", now);
  assert.equal(buildFreshness(root, {}).fresh, true);
});

test("a stamp for another build id does not count", () => {
  write(".next/BUILD_ID", "one", now);
  stampBuild(root, {});
  write(".next/BUILD_ID", "two", past);
  write("app/page.tsx", "export default 1", now);
  assert.equal(buildFreshness(root, {}).fresh, false);
});
