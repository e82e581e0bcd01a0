/**
 * Test-only addresses: loopback, and ports apart from the demo's 3000/4000. E2E_PORT_OFFSET
 * moves them all, so two checkouts can run their browser tests side by side.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const TEST_PORTS = {
  portal: 3100 + offset,
  sandbox: 4100 + offset,
  /** A second portal for tests that need a provider that is down or misbehaving. */
  portal2: 3101 + offset,
  /** Where that second portal looks for its provider; the test decides what answers there. */
  deadProvider: 4199 + offset,
  /** A portal registered as the sandbox's second client, which misbehaves on request. */
  labPortal: 3102 + offset,
  /** A portal whose issuers' discovery documents (Digidentity, Signicat, Idura) name other issuers. */
  misissuedPortal: 3103 + offset,
  /** Portals with low rate limits: one counting in-process, two sharing Redis. */
  limitedPortal: 3104 + offset,
  redisPortalA: 3105 + offset,
  redisPortalB: 3106 + offset,
  /** A portal registered as Signicat's second client, which misbehaves on request. */
  signicatLabPortal: 3107 + offset,
  /** Portals registered as Idura's second client and IDToken's second service, likewise. */
  iduraLabPortal: 3108 + offset,
  idtokenLabPortal: 3109 + offset,
  /** A portal with SANDBOX=off and one provider at a time (tests/e2e/one-provider.spec.ts). */
  oneProviderPortal: 3110 + offset,
  /** A portal whose call centre uses Norwegian BankID (IDURA_CIBA_ACR). */
  iduraCibaNoPortal: 3111 + offset,
  /** A portal configured for Signicat Enterprise (SIGNICAT_PLATFORM=enterprise, issuer /signicat/oidc). */
  signicatEnterprisePortal: 3112 + offset,
  /** A portal registered as Signicat's transfer client: MitID Session Transfer with the sandbox's partner. */
  signicatTransferPortal: 3113 + offset,
  /** A portal registered as Digidentity's third client, for the RP conformance cases. */
  conformancePortal: 3117 + offset,
  redis: 6390 + offset,
  /** instances.spec.ts: a round-robin proxy in front of two portals, its own sandbox and Redis. */
  instancesProxy: 3120 + offset,
  instanceA: 3121 + offset,
  instanceB: 3122 + offset,
  /** A third portal of that spec, for start-up refusals and the shutdown drain. */
  instanceC: 3123 + offset,
  instancesSandbox: 4120 + offset,
  /** A counting pass-through between the portals and that sandbox. */
  instancesUpstream: 4121 + offset,
  instancesRedis: 6391 + offset,
} as const;
/**
 * The portal is browsed as `localhost`: Next.js rewrites loopback addresses in request URLs
 * to `localhost`, so that is the origin the redirect URIs and cookies are bound to.
 */
export const PORTAL_URL = `http://localhost:${TEST_PORTS.portal}`;
/**
 * What every test portal on `port` runs with, the main one (playwright.config.ts) and each one a
 * spec starts (portal-process.ts): the production build, the sandbox on, a test-only secret, and
 * per-address limits out of the way. `extra` is the portal's own settings, and wins.
 */
export function portalTestEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    SANDBOX: "on",
    AUTH_URL: `http://localhost:${port}`,
    AUTH_SECRET: "playwright-only-secret-0123456789abcdef",
    // Every test comes from 127.0.0.1; per-address limits are tested on their own portals.
    RATE_LIMIT_START_PER_ADDRESS: "100000",
    RATE_LIMIT_POLL_PER_ADDRESS: "1000000",
    ...extra,
  };
}
/** For health checks from Node, which may resolve `localhost` to ::1 first. */
export const PORTAL_HEALTH_URL = `http://127.0.0.1:${TEST_PORTS.portal}/api/health`;
export const SANDBOX_URL = `http://127.0.0.1:${TEST_PORTS.sandbox}`;
export const DIGIDENTITY_ISSUER = `${SANDBOX_URL}/digidentity`;
/** The IDToken operator in the sandbox; its JWTs name it as `iss`. */
export const IDTOKEN_OPERATOR = `${SANDBOX_URL}/idtoken`;
/** The test portal's IDToken service id (the sandbox default, lib/providers/idtoken/descriptor.ts). */
export const IDTOKEN_SERVICE = "rmi-portal-demo";
export const IDURA_ISSUER = `${SANDBOX_URL}/idura`;
export const DEMO_PIN = "12345";
/** The test portal's stdout and stderr, teed here so tests can prove no CPR reached a log line. */
export const PORTAL_LOG_FILE = `logs/e2e/portal-${TEST_PORTS.portal}.log`;
/** The sandbox's "Remember my CPR" store for this run; test-results/ is emptied before each run. */
export const SIGNICAT_CPR_CACHE_FILE = `test-results/signicat-cpr-cache-${TEST_PORTS.sandbox}.json`;

/** The sandbox's second Digidentity client, for misbehaviour tests; it does not disturb the first. */
export const LAB_CLIENT = { id: "rmi-portal-lab", secret: "sandbox-lab-secret" } as const;

/**
 * Digidentity's third client, for tests/e2e/conformance.spec.ts: its modes change the key set,
 * so it runs beside the lab portal's tests without either seeing the other's modes.
 */
export const CONFORMANCE_CLIENT = {
  id: "rmi-portal-conformance",
  secret: "sandbox-conformance-secret",
} as const;

/** The Signicat sandbox's second client, for its misbehaviour tests. */
export const SIGNICAT_LAB_CLIENT = {
  id: "rmi-portal-signicat-lab",
  secret: "sandbox-signicat-lab-secret",
} as const;

/** Idura's second client, for its misbehaviour tests (web login, CIBA, headless BankID). */
export const IDURA_LAB_CLIENT = { id: "rmi-portal-idura-lab", secret: "sandbox-idura-lab-secret" } as const;

/** IDToken's second registered service, for its misbehaviour tests. */
export const IDTOKEN_LAB_SERVICE = "rmi-portal-idtoken-lab";

/**
 * The Signicat client of tests/e2e/session-transfer.spec.ts: set up for MitID Session Transfer,
 * so its per-client code lifetime can be shortened without touching any other test.
 */
export const SIGNICAT_TRANSFER_CLIENT = {
  id: "rmi-portal-signicat-transfer",
  secret: "sandbox-signicat-transfer-secret",
} as const;
/** The sandbox's partner service (sandbox/signicat/partner.ts). */
export const SIGNICAT_PARTNER = {
  id: "sandbox-partner-nordic-parts",
  name: "Nordic Parts (sandbox partner)",
  url: `${SANDBOX_URL}/signicat/partner`,
} as const;
