import { defineConfig, devices } from "@playwright/test";

import { LAB_CLIENT, PORTAL_HEALTH_URL, PORTAL_URL, SANDBOX_URL, TEST_PORTS } from "./tests/e2e/support/env";

const CI = !!process.env.CI;

/**
 * Browser tests against the production build of the portal and the real sandbox server, over
 * real HTTP, in Debian's Chromium. Ports differ from the demo's so both can run side by side.
 */
export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["./tests/e2e/support/summary-reporter.ts"]] : [["list"]],
  use: {
    baseURL: PORTAL_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      name: "sandbox",
      command: "npx tsx sandbox/server.ts",
      url: `${SANDBOX_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_ENV: "production",
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_PORT: String(TEST_PORTS.sandbox),
        SANDBOX_ISSUER_BASE: SANDBOX_URL,
        SANDBOX_PUBLIC_URL: SANDBOX_URL,
        SANDBOX_PORTAL_URL: PORTAL_URL,
        // CIBA's interval is 5 s by default; 1 s keeps the tests quick without changing the logic.
        SANDBOX_IDURA_CIBA_INTERVAL_SECONDS: "1",
        // The lab portal is a second client of the same sandbox, so it can misbehave alone.
        SANDBOX_DIGIDENTITY_EXTRA_CLIENTS: `${LAB_CLIENT.id}:${LAB_CLIENT.secret}`,
        SANDBOX_DIGIDENTITY_REDIRECT_URIS: [TEST_PORTS.labPortal, TEST_PORTS.misissuedPortal]
          .map((port) => `http://localhost:${port}/api/auth/callback/digidentity`)
          .join(","),
      },
    },
    {
      name: "portal",
      command: `npx next start -H 127.0.0.1 -p ${TEST_PORTS.portal}`,
      url: PORTAL_HEALTH_URL,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        SANDBOX: "on",
        SANDBOX_URL,
        AUTH_URL: PORTAL_URL,
        AUTH_SECRET: "playwright-only-secret-0123456789abcdef",
      },
    },
  ],
});
