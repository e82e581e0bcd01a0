import { getConfig } from "./lib/config";

// A bad or missing configuration value stops start-up with a message naming the variable,
// instead of failing at the first login.
try {
  getConfig();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
