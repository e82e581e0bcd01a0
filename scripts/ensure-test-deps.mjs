#!/usr/bin/env node
// What the tests need from the system: Debian's Chromium and redis-server (the unit and browser tests of
// the shared rate-limit store start a real one), and Debian's chromium-headless-shell, the same
// Chromium build without the full browser's UI layers, in which the browser tests take about half
// the time (docs/testing.md#where-the-time-goes; the benchmark keeps the full browser).
// Nothing here downloads a browser build of its own: missing packages are installed with apt when
// we are root, or we say what to run. Without the headless shell the tests use /usr/bin/chromium.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const needs = [
  { pkg: "chromium", path: chromium },
  { pkg: "redis-server", path: "/usr/bin/redis-server" },
  // Only wanted when CHROMIUM_PATH does not name the browser (tests/e2e/support/chromium.ts).
  ...(process.env.CHROMIUM_PATH
    ? []
    : [{ pkg: "chromium-headless-shell", path: "/usr/bin/chromium-headless-shell", optional: true }]),
].filter((n) => !existsSync(n.path));
if (needs.length === 0) process.exit(0);

const packages = needs.map((n) => n.pkg).join(" ");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
if (needs.every((n) => n.optional) && !(isRoot && hasApt)) {
  console.error(
    "\nThe browser tests run in /usr/bin/chromium; they take about half the time in Debian's\n" +
      "chromium-headless-shell: sudo apt-get install -y chromium-headless-shell\n",
  );
  process.exit(0);
}
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
const install = (pkgs) =>
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
const required = needs.filter((n) => !n.optional).map((n) => n.pkg);
try {
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  if (required.length > 0) install(required);
} catch {
  console.error(`\nInstalling failed. Run: apt-get update && apt-get install -y ${packages}\n`);
  process.exit(1);
}
try {
  const optional = needs.filter((n) => n.optional).map((n) => n.pkg);
  if (optional.length > 0) install(optional);
} catch {
  // Not in every distribution's archive: the tests then run in the full browser.
  console.error("\nchromium-headless-shell could not be installed; the tests use /usr/bin/chromium.\n");
}
const still = needs.filter((n) => !n.optional && !existsSync(n.path));
if (still.length > 0) {
  console.error(`\nInstalled, but still missing: ${still.map((n) => n.path).join(", ")}\n`);
  process.exit(1);
}
