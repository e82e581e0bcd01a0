import { existsSync } from "node:fs";

/**
 * Debian's Chromium and the flags every browser run here uses (Playwright's tests, the
 * screenshots and the benchmark). Nothing downloads a browser build.
 *
 * The tests run in Debian's `chromium-headless-shell` when it is installed
 * (scripts/ensure-test-deps.mjs installs it with `chromium`): the same Blink and V8 build as
 * `/usr/bin/chromium`, without the full browser's UI layers, in which the browser tests take about
 * half the time on a 2-core machine (docs/testing.md#where-the-time-goes). CHROMIUM_PATH still
 * picks any Chromium. The benchmark and the screenshots keep the full browser, as people use it.
 */
export const FULL_CHROMIUM_PATH = "/usr/bin/chromium";
export const HEADLESS_SHELL_PATH = "/usr/bin/chromium-headless-shell";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** The Chromium the browser tests use: CHROMIUM_PATH, else the headless shell, else Chromium. */
export const TEST_CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : FULL_CHROMIUM_PATH);

/** The browser tests' launch options. */
export const CHROMIUM_LAUNCH_OPTIONS = { executablePath: TEST_CHROMIUM_PATH, args: ARGS };

/** The full browser, for what people see and feel: `npm run bench` and `npm run screenshots`. */
export const FULL_CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? FULL_CHROMIUM_PATH,
  args: ARGS,
};
