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
  /** A portal whose issuer's discovery document names another issuer. */
  misissuedPortal: 3103 + offset,
} as const;
/**
 * The portal is browsed as `localhost`: Next.js rewrites loopback addresses in request URLs
 * to `localhost`, so that is the origin the redirect URIs and cookies are bound to.
 */
export const PORTAL_URL = `http://localhost:${TEST_PORTS.portal}`;
/** For health checks from Node, which may resolve `localhost` to ::1 first. */
export const PORTAL_HEALTH_URL = `http://127.0.0.1:${TEST_PORTS.portal}/api/health`;
export const SANDBOX_URL = `http://127.0.0.1:${TEST_PORTS.sandbox}`;
export const DIGIDENTITY_ISSUER = `${SANDBOX_URL}/digidentity`;
/** The IDToken operator in the sandbox; its JWTs name it as `iss`. */
export const IDTOKEN_OPERATOR = `${SANDBOX_URL}/idtoken`;
export const IDURA_ISSUER = `${SANDBOX_URL}/idura`;
export const DEMO_PIN = "12345";

/** The sandbox's second Digidentity client, for misbehaviour tests; it does not disturb the first. */
export const LAB_CLIENT = { id: "rmi-portal-lab", secret: "sandbox-lab-secret" } as const;
