import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parseConfig } from "../../lib/config-schema";
import { authCookies } from "../../lib/security/cookies";
import { contentSecurityPolicy, securityHeaders } from "../../lib/security/headers";

describe("security headers", () => {
  const base = {
    nonce: "abc123",
    https: false,
    providerOrigins: ["http://localhost:4000"],
  };

  it("a nonce-based CSP with no unsafe-inline scripts, framing refused", () => {
    const csp = contentSecurityPolicy(base);
    assert.match(csp, /script-src 'self' 'nonce-abc123' 'strict-dynamic'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /form-action 'self' http:\/\/localhost:4000/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  });

  it("HSTS and upgrade-insecure-requests only over https", () => {
    assert.equal(securityHeaders(base)["Strict-Transport-Security"], undefined);
    const prod = securityHeaders({ ...base, https: true });
    assert.match(prod["Strict-Transport-Security"] ?? "", /max-age=\d+/);
    assert.match(prod["Content-Security-Policy"] ?? "", /upgrade-insecure-requests/);
    assert.equal(prod["Referrer-Policy"], "same-origin");
    assert.equal(prod["X-Content-Type-Options"], "nosniff");
  });

  it("the portal counts as https when AUTH_URL is an https URL", () => {
    assert.equal(parseConfig({}).secureCookies, false);
    assert.equal(parseConfig({ AUTH_URL: "https://rmi.example.com" }).secureCookies, true);
  });

  it("every Auth.js cookie is __Host- prefixed, Secure, httpOnly and SameSite=Lax over https", () => {
    assert.equal(authCookies(false), undefined);
    const cookies = authCookies(true) ?? {};
    assert.equal(Object.keys(cookies).length, 6);
    for (const cookie of Object.values(cookies)) {
      assert.match(cookie?.name ?? "", /^__Host-authjs\./);
      assert.deepEqual(cookie?.options, { httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
  });
});
