import { readdirSync, readFileSync } from "node:fs";

import { TEST_PORTS } from "./support/env";
import { expect, test, URL_LOG, type APIRequestContext } from "./support/fixtures";
import { sandboxFor } from "./support/sandbox";

/**
 * Runs after every other browser test (the "audit" project depends on "e2e"): no code, token or
 * personal number the sandbox handed out (Digidentity, Signicat, Idura, IDToken) may appear in
 * any portal's log output, and none but the web-login authorization codes (which the OAuth code
 * flow puts in the callback URL by design: single use, short-lived, PKCE-bound) in any URL a
 * browser visited.
 */
type Issued = { kind: string; value: string };

/** Each provider's `GET /control/issued`, and what the suite must have made it hand out. */
const PROVIDERS = {
  digidentity: ["passwordless_code", "access_token"],
  // Session transfer codes and texts too (tests/e2e/session-transfer.spec.ts): never in a URL.
  signicat: ["web_login_code", "id_token", "transfer_exchange_code", "transfer_token_text"],
  idura: ["web_login_code", "id_token", "ciba_request_id", "headless_request_id"],
  idtoken: ["jwt", "ws_token"],
} as const;

async function issuedBy(request: APIRequestContext, provider: keyof typeof PROVIDERS): Promise<Issued[]> {
  const issued: Issued[] = await sandboxFor(request).issued(provider);
  // The suite logs in many times; an empty list would mean the audit checks nothing.
  for (const kind of PROVIDERS[provider]) {
    expect(issued.filter((i) => i.kind === kind).length, `${provider} ${kind}s`).toBeGreaterThan(0);
  }
  return issued.map((i) => ({ kind: `${provider} ${i.kind}`, value: i.value }));
}

const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/;
/** A Danish CPR number (DDMMYY-XXXX), should any provider's test persona ever carry one. */
const CPR = /\b[0-3]\d[01]\d\d\d-?\d{4}\b/;

test("no secret or personal number in the portal's logs or in any visited URL", async ({ request }) => {
  const issued = (
    await Promise.all((Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[]).map((p) => issuedBy(request, p)))
  ).flat();
  expect(issued.filter((i) => i.kind === "digidentity passwordless_code").length).toBeGreaterThan(10);
  expect(issued.filter((i) => i.kind === "digidentity access_token").length).toBeGreaterThan(10);

  const logs = readdirSync("logs/e2e")
    .filter((f) => f.startsWith("portal-") && f.endsWith(".log"))
    .map((f) => ({ file: f, text: readFileSync(`logs/e2e/${f}`, "utf8") }));
  expect(logs.map((l) => l.file)).toContain(`portal-${TEST_PORTS.portal}.log`);
  const urls = readFileSync(URL_LOG, "utf8");
  expect(urls).toContain("/api/digidentity-qr/status");

  // One assertion per file, naming what was found: an expect per value (tens of thousands) makes
  // a reporter step each and took minutes.
  const foundIn = (text: string, candidates: Issued[]) =>
    candidates.filter(({ value }) => text.includes(value)).map(({ kind }) => kind);
  for (const { file, text } of logs) {
    expect(foundIn(text, issued), `issued secrets found in ${file}`).toEqual([]);
    expect(JWT.test(text), `a JWT in ${file}`).toBe(false);
    expect(CPR.test(text), `a CPR number in ${file}`).toBe(false);
    expect(/Bearer\s+[\w-]{10,}/.test(text), `a bearer token in ${file}`).toBe(false);
  }

  const notInUrls = issued.filter(({ kind }) => !kind.endsWith(" web_login_code"));
  expect(foundIn(urls, notInUrls), "issued secrets found in a visited URL").toEqual([]);
  expect(JWT.test(urls), "a JWT in a visited URL").toBe(false);
  expect(CPR.test(urls), "a CPR number in a visited URL").toBe(false);
});
