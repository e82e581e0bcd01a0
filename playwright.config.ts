import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_LAUNCH_OPTIONS } from "./tests/e2e/support/chromium";
import {
  IDTOKEN_LAB_SERVICE,
  CONFORMANCE_CLIENT,
  IDURA_LAB_CLIENT,
  LAB_CLIENT,
  PORTAL_HEALTH_URL,
  PORTAL_URL,
  portalTestEnv,
  SANDBOX_URL,
  SIGNICAT_CPR_CACHE_FILE,
  SIGNICAT_LAB_CLIENT,
  SIGNICAT_PARTNER,
  SIGNICAT_TRANSFER_CLIENT,
  TEST_PORTS,
} from "./tests/e2e/support/env";

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
  // The summary line for CI, and test-results/spec-timings.txt: where the time goes, per spec.
  reporter: [["list"], ["./tests/e2e/support/summary-reporter.ts"]],
  globalSetup: "./tests/e2e/support/global-setup.ts",
  projects: [
    { name: "e2e", testIgnore: /audit\.spec\.ts/ },
    // Runs after every other test: reads what they left in the portal's logs and the browser.
    { name: "audit", testMatch: /audit\.spec\.ts/, dependencies: ["e2e"] },
  ],
  use: {
    baseURL: PORTAL_URL,
    // Recording a trace costs every test its screenshots and snapshots; a retried failure has one.
    // (Locally, without retries, `npx playwright test --trace on` records them.)
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    // The tests name elements by their English words; languages.spec.ts switches on purpose.
    locale: "en-GB",
    // No animation to paint while a test waits (accessibility-behaviour.spec.ts sets both on
    // purpose to test the pulse). On a 2-core machine the painting competes with the servers.
    reducedMotion: "reduce",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
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
        SANDBOX_DIGIDENTITY_EXTRA_CLIENTS: [LAB_CLIENT, CONFORMANCE_CLIENT]
          .map((client) => `${client.id}:${client.secret}`)
          .join(","),
        SANDBOX_DIGIDENTITY_REDIRECT_URIS: [
          TEST_PORTS.labPortal,
          TEST_PORTS.misissuedPortal,
          TEST_PORTS.oneProviderPortal,
          TEST_PORTS.conformancePortal,
        ]
          .map((port) => `http://localhost:${port}/api/auth/callback/digidentity`)
          .join(","),
        SANDBOX_SIGNICAT_CPR_CACHE_FILE: SIGNICAT_CPR_CACHE_FILE,
        SANDBOX_SIGNICAT_EXTRA_CLIENTS: [SIGNICAT_LAB_CLIENT, SIGNICAT_TRANSFER_CLIENT]
          .map((client) => `${client.id}:${client.secret}`)
          .join(","),
        // MitID Session Transfer: the main client and the transfer portal's, and the partner,
        // which hands over to the transfer portal (tests/e2e/session-transfer.spec.ts).
        SANDBOX_SIGNICAT_TRANSFER_CLIENTS: [
          "rmi-portal-signicat",
          SIGNICAT_TRANSFER_CLIENT.id,
          SIGNICAT_PARTNER.id,
        ].join(","),
        SANDBOX_SIGNICAT_PARTNER_PORTALS: `${SIGNICAT_TRANSFER_CLIENT.id}=http://localhost:${TEST_PORTS.signicatTransferPortal}`,
        SANDBOX_CLIENT_NAMES: `${SIGNICAT_TRANSFER_CLIENT.id}=Example Motors RMI portal`,
        SANDBOX_SIGNICAT_REDIRECT_URIS: [
          TEST_PORTS.signicatLabPortal,
          TEST_PORTS.oneProviderPortal,
          TEST_PORTS.signicatEnterprisePortal,
          TEST_PORTS.signicatTransferPortal,
        ]
          .map((port) => `http://localhost:${port}/api/auth/callback/signicat`)
          .join(","),
        SANDBOX_IDURA_EXTRA_CLIENTS: `${IDURA_LAB_CLIENT.id}:${IDURA_LAB_CLIENT.secret}`,
        SANDBOX_IDURA_REDIRECT_URIS: [TEST_PORTS.iduraLabPortal, TEST_PORTS.oneProviderPortal]
          .map((port) => `http://localhost:${port}/api/auth/callback/idura`)
          .join(","),
        SANDBOX_IDTOKEN_EXTRA_SERVICE_IDS: IDTOKEN_LAB_SERVICE,
      },
    },
    {
      name: "portal",
      // Its output goes to a file the audit reads (and that you can read when a test fails).
      command: `mkdir -p logs/e2e && exec node_modules/.bin/next start -H 127.0.0.1 -p ${TEST_PORTS.portal} > logs/e2e/portal-${TEST_PORTS.portal}.log 2>&1`,
      url: PORTAL_HEALTH_URL,
      reuseExistingServer: false,
      timeout: 60_000,
      env: portalTestEnv(TEST_PORTS.portal, {
        SANDBOX_URL,
        // Idura is polled every 5 s for a headless login by default; 1 s keeps the tests quick.
        IDURA_HEADLESS_POLL_SECONDS: "1",
      }),
    },
    {
      name: "redis",
      // A real Redis for the shared rate-limit store (Debian's redis-server, installed by
      // scripts/ensure-test-deps.mjs); nothing is saved to disk.
      command: `redis-server --port ${TEST_PORTS.redis} --bind 127.0.0.1 --save "" --appendonly no`,
      port: TEST_PORTS.redis,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
