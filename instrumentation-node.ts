import { getConfig } from "./lib/config";
import { getLimiters } from "./lib/rate-limit";

// A bad or missing configuration value stops start-up with a message naming the variable,
// instead of failing at the first login.
try {
  getConfig();
  // Connect to the shared rate-limit store now, not on the first login.
  getLimiters();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
