import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ConfigError, parseConfig, SANDBOX_DEFAULTS } from "../../lib/config-schema";

describe("portal configuration", () => {
  it("defaults to the local sandbox with its client credentials", () => {
    const c = parseConfig({});
    assert.equal(c.sandbox, true);
    assert.equal(c.digidentity.issuer, "http://localhost:4000/digidentity");
    assert.equal(c.digidentity.clientId, SANDBOX_DEFAULTS.DIGIDENTITY_CLIENT_ID);
    assert.equal(c.digidentity.productScope, "sandbox0product1");
    assert.equal(c.digidentity.pollIntervalMs, 1000);
    assert.equal(c.digidentity.qrTtlSeconds, 120);
    assert.equal(c.authUrl, "http://localhost:3000");
    assert.equal(c.idtoken.operatorUrl, "http://localhost:4000/idtoken");
    assert.equal(c.idtoken.wsUrl, "ws://localhost:4000/idtoken");
    assert.deepEqual(c.idtoken.scopes, ["identity:basic", "identity:date_of_birth", "identity:age_over_18"]);
  });

  it("with SANDBOX=off names every missing variable", () => {
    assert.throws(
      () => parseConfig({ SANDBOX: "off" }),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        for (const name of [
          "DIGIDENTITY_ISSUER",
          "DIGIDENTITY_CLIENT_ID",
          "DIGIDENTITY_CLIENT_SECRET",
          "DIGIDENTITY_PRODUCT_SCOPE",
          "SIGNICAT_ISSUER",
          "SIGNICAT_CLIENT_ID",
          "SIGNICAT_CLIENT_SECRET",
          "AUTH_SECRET",
          "IDTOKEN_OPERATOR_URL",
          "IDTOKEN_SERVICE_ID",
          "IDURA_ISSUER",
          "IDURA_CLIENT_ID",
          "IDURA_CLIENT_SECRET",
        ]) {
          assert.match(e.message, new RegExp(name));
        }
        return true;
      },
    );
  });

  it("with SANDBOX=off accepts real values, and requires https", () => {
    const real = {
      SANDBOX: "off",
      AUTH_SECRET: "x".repeat(40),
      DIGIDENTITY_ISSUER: "https://auth.digidentity.eu",
      DIGIDENTITY_CLIENT_ID: "vm-portal",
      DIGIDENTITY_CLIENT_SECRET: "s3cret",
      DIGIDENTITY_PRODUCT_SCOPE: "e9x4a6m254p663l4",
      SIGNICAT_ISSUER: "https://example.sandbox.signicat.com/auth/open",
      SIGNICAT_CLIENT_ID: "sandbox-portal-123",
      SIGNICAT_CLIENT_SECRET: "s3cret",
      IDTOKEN_OPERATOR_URL: "https://auth.example.com",
      IDTOKEN_SERVICE_ID: "vm-portal",
      IDURA_ISSUER: "https://example.idura.broker",
      IDURA_CLIENT_ID: "urn:my:application:identifier:1234",
      IDURA_CLIENT_SECRET: "s3cret",
    };
    assert.equal(parseConfig(real).digidentity.issuer, "https://auth.digidentity.eu");
    assert.equal(parseConfig(real).idtoken.wsUrl, "wss://auth.example.com");
    assert.equal(parseConfig(real).idtoken.audience, "vm-portal");
    assert.throws(
      () => parseConfig({ ...real, IDTOKEN_OPERATOR_URL: "http://auth.example.com" }),
      /IDTOKEN_OPERATOR_URL: must be an https URL/,
    );
    assert.throws(
      () => parseConfig({ ...real, IDTOKEN_WS_URL: "ws://auth.example.com" }),
      /IDTOKEN_WS_URL: must be a wss URL/,
    );
    assert.throws(
      () => parseConfig({ ...real, DIGIDENTITY_ISSUER: "http://auth.digidentity.eu" }),
      /DIGIDENTITY_ISSUER: must be an https URL/,
    );
    assert.throws(
      () => parseConfig({ ...real, SIGNICAT_ISSUER: "http://example.sandbox.signicat.com/auth/open" }),
      /SIGNICAT_ISSUER: must be an https URL/,
    );
  });

  it("points Signicat at the sandbox by default", () => {
    const c = parseConfig({});
    assert.equal(c.signicat.issuer, "http://localhost:4000/signicat/auth/open");
    assert.equal(c.signicat.clientId, SANDBOX_DEFAULTS.SIGNICAT_CLIENT_ID);
    assert.equal(c.signicat.clientSecret, SANDBOX_DEFAULTS.SIGNICAT_CLIENT_SECRET);
  });

  it("refuses malformed values with the variable's name", () => {
    assert.throws(() => parseConfig({ DIGIDENTITY_PRODUCT_SCOPE: "short" }), /DIGIDENTITY_PRODUCT_SCOPE/);
    assert.throws(() => parseConfig({ SANDBOX: "maybe" }), /SANDBOX/);
    assert.throws(() => parseConfig({ PORTAL_PORT: "70000" }), /PORTAL_PORT/);
    assert.throws(() => parseConfig({ AUTH_SECRET: "too-short" }), /AUTH_SECRET/);
    assert.throws(() => parseConfig({ DIGIDENTITY_POLL_INTERVAL_MS: "10" }), /DIGIDENTITY_POLL_INTERVAL_MS/);
  });

  it("uses localhost for loopback portal URLs, as Next.js does in request URLs", () => {
    assert.equal(parseConfig({ AUTH_URL: "http://127.0.0.1:3100" }).authUrl, "http://localhost:3100");
  });
});
