import "server-only";

import pino from "pino";

/**
 * Structured logs on stdout. Tokens, codes, cookies and personal numbers must never reach a
 * log line: callers log reference ids and error codes, and redaction is the safety net.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "portal" },
  redact: {
    paths: [
      "*.access_token",
      "*.refresh_token",
      "*.id_token",
      "*.code",
      "*.token",
      "*.cookie",
      "*.authorization",
      "*.cpr",
      "*.nin",
      "*.password",
      "*.secret",
    ],
    censor: "[redacted]",
  },
});
