import { getConfig } from "./lib/config";
import { log } from "./lib/log";
import { getLimiters } from "./lib/rate-limit";
import { startSharedState } from "./lib/state/startup";

// A bad or missing configuration value stops start-up with a message naming the variable,
// instead of failing at the first login.
try {
  const config = getConfig();
  // Connect to the shared store (and the rate-limit counts in it) now, not on the first login.
  getLimiters();
  log.info(
    { event: "providers_enabled", providers: Object.keys(config.providers), sandbox: config.sandbox },
    "providers enabled",
  );
  if (config.loopbackHttpIssuers) {
    log.warn(
      { event: "loopback_http_issuers" },
      "ALLOW_LOOPBACK_HTTP_ISSUERS=on: providers on http://localhost are accepted; never in production",
    );
  }
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/** Says which store this instance uses, and refuses a secret other instances do not share. */
export const ready = startSharedState();
