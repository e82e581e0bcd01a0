#!/usr/bin/env node
// What the tests need from the system: Debian's Chromium and redis-server (the unit and browser tests of
// the shared rate-limit store start a real one). Nothing here downloads a browser build of its
// own: missing packages are installed with apt when we are root, or we say what to run.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const needs = [
  { pkg: "chromium", path: chromium },
  { pkg: "redis-server", path: "/usr/bin/redis-server" },
].filter((n) => !existsSync(n.path));
if (needs.length === 0) process.exit(0);

const packages = needs.map((n) => n.pkg).join(" ");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
if (!isRoot || !hasApt || (process.env.CHROMIUM_PATH && needs.some((n) => n.pkg === "chromium"))) {
  console.error(
    `\nMissing for the browser tests: ${needs.map((n) => `${n.pkg} (${n.path})`).join(", ")}.\n` +
      (hasApt
        ? `Install them and run the tests again:\n\n  sudo apt-get update && sudo apt-get install -y ${packages}\n`
        : "Install them with your system's package manager (point CHROMIUM_PATH at Chromium).\n"),
  );
  process.exit(1);
}

console.log(`Installing Debian packages for the browser tests: ${packages}…`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
try {
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...needs.map((n) => n.pkg)], {
    stdio: "inherit",
    env,
  });
} catch {
  console.error(`\nInstalling failed. Run: apt-get update && apt-get install -y ${packages}\n`);
  process.exit(1);
}
const still = needs.filter((n) => !existsSync(n.path));
if (still.length > 0) {
  console.error(`\nInstalled, but still missing: ${still.map((n) => n.path).join(", ")}\n`);
  process.exit(1);
}
