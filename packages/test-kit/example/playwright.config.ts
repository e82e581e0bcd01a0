/**
 * The kit's example suite, as a project of your own would run it: PORTAL_URL is your portal,
 * KIT_SANDBOX_URL the sandbox it talks to, CHROMIUM_PATH a Chromium to use instead of
 * Playwright's own browser build.
 */
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  workers: 1,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: process.env.PORTAL_URL ?? "http://localhost:3000",
    // The kit names the portal's elements by their English words.
    locale: "en-GB",
    launchOptions: process.env.CHROMIUM_PATH
      ? { executablePath: process.env.CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu"] }
      : {},
  },
});
