/**
 * The test kit as another repository uses it: `npm run test:kit` packs packages/test-kit,
 * installs the tarball into a project in a temporary folder and runs the kit's own example
 * suite (packages/test-kit/example) from there against this run's portal and sandbox.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { PORTAL_URL, SANDBOX_URL } from "./support/env";

test("the kit package's example suite passes from a project outside this repository", async () => {
  // Pack, install (from the npm cache), type-check, then the example's browser tests one by one.
  test.setTimeout(600_000);
  const run = spawn(process.execPath, ["--import", "tsx", "scripts/kit-outside.ts"], {
    env: { ...process.env, PORTAL_URL, KIT_SANDBOX_URL: SANDBOX_URL },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  run.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  run.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => run.once("exit", resolve));
  await test.info().attach("kit-outside output", { body: output, contentType: "text/plain" });
  // Each step's time (pack, install, tsc, the suite) and the suite's summary, in the run's log.
  for (const line of output.split("\n"))
    if (/^\[kit-outside\]|^\s+\d+ (passed|failed|flaky)/.test(line)) console.log(line);
  expect(code, output).toBe(0);
  // Every test of the example ran and passed: as many as the example file has.
  const tests = readFileSync("packages/test-kit/example/kit.spec.ts", "utf8").match(/^test\(/gm)?.length ?? 0;
  expect(tests).toBeGreaterThan(0);
  expect(output).toMatch(new RegExp(`\\b${tests} passed\\b`));
  expect(output).not.toMatch(/\b\d+ (failed|flaky)\b/);
});
