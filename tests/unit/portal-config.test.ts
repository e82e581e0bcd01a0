import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ConfigError, parseConfig, SANDBOX_DEFAULTS } from "../../lib/config-schema";

describe("portal configuration", () => {
  it("defaults to the local sandbox with its client credentials", () => {
    const c = parseConfig({});
    assert.equal(c.sandbox, true);
    assert.equal(c.providers.digidentity!.issuer, "http://localhost:4000/digidentity");
    assert.equal(c.providers.digidentity!.clientId, SANDBOX_DEFAULTS.DIGIDENTITY_CLIENT_ID);
    assert.equal(c.providers.digidentity!.productScope, "sandbox0product1");
    assert.equal(c.providers.digidentity!.pollIntervalMs, 1000);
    assert.equal(c.providers.digidentity!.qrTtlSeconds, 120);
    assert.equal(c.authUrl, "http://localhost:3000");
    assert.equal(c.providers.idtoken!.operatorUrl, "http://localhost:4000/idtoken");
    assert.equal(c.providers.idtoken!.wsUrl, "ws://localhost:4000/idtoken");
    assert.deepEqual(c.providers.idtoken!.scopes, [
      "identity:basic",
      "identity:date_of_birth",
      "identity:age_over_18",
    ]);
  });

  it("with SANDBOX=off and nothing configured, says to configure a provider and a secret", () => {
    assert.throws(
      () => parseConfig({ SANDBOX: "off" }),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message, /PROVIDERS: no provider is configured/);
        assert.match(e.message, /AUTH_SECRET: required when SANDBOX=off/);
        return true;
      },
    );
  });

  const ONE_PROVIDER = {
    digidentity: {
      DIGIDENTITY_ISSUER: "https://auth.digidentity.eu",
      DIGIDENTITY_CLIENT_ID: "vm-portal",
      DIGIDENTITY_CLIENT_SECRET: "s3cret",
      DIGIDENTITY_PRODUCT_SCOPE: "e9x4a6m254p663l4",
    },
    signicat: {
      SIGNICAT_ISSUER: "https://example.sandbox.signicat.com/auth/open",
      SIGNICAT_CLIENT_ID: "sandbox-portal-123",
      SIGNICAT_CLIENT_SECRET: "s3cret",
    },
    idtoken: { IDTOKEN_OPERATOR_URL: "https://auth.example.com", IDTOKEN_SERVICE_ID: "vm-portal" },
    idura: {
      IDURA_ISSUER: "https://example.idura.broker",
      IDURA_CLIENT_ID: "urn:my:application:identifier:1234",
      IDURA_CLIENT_SECRET: "s3cret",
    },
  } as const;
  const SECRET = { SANDBOX: "off", AUTH_SECRET: "x".repeat(40) };

  for (const [key, vars] of Object.entries(ONE_PROVIDER)) {
    it(`with SANDBOX=off and only ${key}'s variables, ${key} alone is on`, () => {
      const c = parseConfig({ ...SECRET, ...vars });
      assert.deepEqual(Object.keys(c.providers), [key]);
    });

    it(`with SANDBOX=off, ${key} with one variable missing names it`, () => {
      const [first, ...rest] = Object.keys(vars);
      const partial = Object.fromEntries(rest.map((name) => [name, (vars as Record<string, string>)[name]]));
      assert.throws(() => parseConfig({ ...SECRET, ...partial }), new RegExp(`${first}: required`));
    });
  }

  it("PROVIDERS names the providers that are on, also with the sandbox on", () => {
    assert.deepEqual(Object.keys(parseConfig({ PROVIDERS: "signicat, idura" }).providers), [
      "signicat",
      "idura",
    ]);
    assert.deepEqual(
      Object.keys(
        parseConfig({ ...SECRET, ...ONE_PROVIDER.idura, ...ONE_PROVIDER.signicat, PROVIDERS: "idura" })
          .providers,
      ),
      ["idura"],
    );
    assert.throws(() => parseConfig({ PROVIDERS: "acme" }), /PROVIDERS/);
    // A provider named in PROVIDERS must then be configured.
    assert.throws(() => parseConfig({ ...SECRET, PROVIDERS: "idtoken" }), /IDTOKEN_OPERATOR_URL: required/);
  });

  it("a loopback http issuer is accepted with SANDBOX=off only when allowed on purpose", () => {
    const local = { ...SECRET, ...ONE_PROVIDER.idura, IDURA_ISSUER: "http://127.0.0.1:4100/idura" };
    assert.throws(
      () => parseConfig(local),
      /IDURA_ISSUER: must be an https URL.*ALLOW_LOOPBACK_HTTP_ISSUERS/,
    );
    const c = parseConfig({ ...local, ALLOW_LOOPBACK_HTTP_ISSUERS: "on" });
    assert.equal(c.providers.idura!.issuer, "http://127.0.0.1:4100/idura");
    assert.equal(c.loopbackHttpIssuers, true);
    assert.throws(
      () =>
        parseConfig({
          ...local,
          IDURA_ISSUER: "http://idura.example.com",
          ALLOW_LOOPBACK_HTTP_ISSUERS: "on",
        }),
      /IDURA_ISSUER: must be an https URL/,
    );
  });

  it("only enabled providers appear in the CSP origins", () => {
    const c = parseConfig({ ...SECRET, ...ONE_PROVIDER.digidentity });
    assert.deepEqual(c.providerOrigins, ["https://auth.digidentity.eu"]);
    assert.deepEqual(c.connectOrigins, []);
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
    assert.equal(parseConfig(real).providers.digidentity!.issuer, "https://auth.digidentity.eu");
    assert.equal(parseConfig(real).providers.idtoken!.wsUrl, "wss://auth.example.com");
    assert.equal(parseConfig(real).providers.idtoken!.audience, "vm-portal");
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
    assert.equal(c.providers.signicat!.issuer, "http://localhost:4000/signicat/auth/open");
    assert.equal(c.providers.signicat!.clientId, SANDBOX_DEFAULTS.SIGNICAT_CLIENT_ID);
    assert.equal(c.providers.signicat!.clientSecret, SANDBOX_DEFAULTS.SIGNICAT_CLIENT_SECRET);
  });

  it("CALL_CENTRE_AGENTS: the sandbox's agent by default, nobody with the sandbox off, else whom it lists", () => {
    const mia = { provider: "idura", subject: "{7c3e9a1f-3333-4b8d-9c2e-5f6a7b8c9d0e}" };
    assert.deepEqual(parseConfig({}).callCentreAgents, [mia]);
    const off = {
      SANDBOX: "off",
      AUTH_SECRET: "x".repeat(40),
      IDURA_ISSUER: "https://example.idura.broker",
      IDURA_CLIENT_ID: "urn:my:application:identifier:1234",
      IDURA_CLIENT_SECRET: "s3cret",
    };
    assert.deepEqual(parseConfig(off).callCentreAgents, []);
    assert.deepEqual(parseConfig({ CALL_CENTRE_AGENTS: "none" }).callCentreAgents, []);
    // Commas or spaces between entries; the subject is all after the first colon.
    assert.deepEqual(
      parseConfig({ ...off, CALL_CENTRE_AGENTS: "idura:{a-b}, signicat:urn:x:1 digidentity:e2x0" })
        .callCentreAgents,
      [
        { provider: "idura", subject: "{a-b}" },
        { provider: "signicat", subject: "urn:x:1" },
        { provider: "digidentity", subject: "e2x0" },
      ],
    );
    assert.throws(() => parseConfig({ CALL_CENTRE_AGENTS: "mitid:123" }), /CALL_CENTRE_AGENTS/);
    assert.throws(
      () => parseConfig({ CALL_CENTRE_AGENTS: "idura" }),
      /CALL_CENTRE_AGENTS\.0: each agent is provider:subject/,
    );
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
