import { mkdirSync, rmSync } from "node:fs";

import { URL_LOG } from "./fixtures";

/** Each run audits only the URLs of its own tests. */
export default function globalSetup() {
  mkdirSync("logs/e2e", { recursive: true });
  rmSync(URL_LOG, { force: true });
}
