#!/usr/bin/env node
// Browser tests run in Debian's Chromium. Nothing here downloads a browser build of its own:
// if Chromium is missing we install the Debian package when we can, or say what to run.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
  console.error(
    `\nChromium was not found at ${path}.\n` +
      (hasApt
        ? "Install Debian's Chromium and run the tests again:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n"
        : "Install Chromium with your system's package manager and point CHROMIUM_PATH at it.\n"),
  );
  process.exit(1);
}

console.log("Chromium is missing; installing Debian's chromium package (apt-get)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
try {
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
    stdio: "inherit",
    env,
  });
} catch {
  console.error("\nInstalling Chromium failed. Run: apt-get update && apt-get install -y chromium\n");
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`\nThe chromium package installed, but ${path} is still missing.\n`);
  process.exit(1);
}
