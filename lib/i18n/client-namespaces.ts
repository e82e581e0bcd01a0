/**
 * The message namespaces client components use (with lib/i18n/client.tsx). Only these may reach
 * the browser, and tests/unit/portal-i18n-format.test.ts checks every message in them formats
 * there exactly as on the server.
 */
export const CLIENT_NAMESPACES = [
  "Common",
  "ErrorPage",
  "LoginErrors",
  "QrLogin",
  "BankIdLogin",
  "IdTokenLogin",
  "AgentVerify",
] as const;

export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];
