import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";

import { buildSignicatConfig } from "../../lib/providers/signicat/descriptor";
import { SANDBOX_REQUEST_SIGNING_JWK } from "../../lib/providers/signicat/sandbox-request-key";
import { signicatFeatures, signicatFlowScopes } from "../../lib/providers/signicat/provider";
import { SANDBOX_PORTAL_REQUEST_KEY } from "../../sandbox/signicat/registered-keys";

const sandbox = { sandbox: true, sandboxUrl: "http://localhost:4000" };
const real = { sandbox: false, sandboxUrl: "http://localhost:4000" };
const realEnv = {
  SIGNICAT_ISSUER: "https://example.sandbox.signicat.com/auth/open",
  SIGNICAT_CLIENT_ID: "client",
  SIGNICAT_CLIENT_SECRET: "secret",
};

describe("Signicat configuration", () => {
  it("defaults to the eID Hub: idp:mitid, the documented scopes, no prefills, business off with SANDBOX=off", () => {
    const { config, problems } = buildSignicatConfig(realEnv, real);
    assert.deepEqual(problems, []);
    assert.equal(config.platform, "eid-hub");
    assert.equal(config.acrValues, "idp:mitid");
    assert.equal(config.requestSigning, undefined);
    assert.deepEqual(signicatFlowScopes(config), {
      mitid: "openid profile idp-id mitid-extra",
      cpr: "openid profile idp-id mitid-extra nin",
      business: undefined,
      company: undefined,
    });
    assert.deepEqual(signicatFeatures(config), {
      prefilledCpr: false,
      prefilledCvr: false,
      stepUp: "fresh-login",
      business: false,
      company: false,
    });
  });

  it("Enterprise needs its MitID method in SIGNICAT_ACR_VALUES, and refuses a signing key", () => {
    const env = {
      ...realEnv,
      SIGNICAT_ISSUER: "https://preprod.signicat.com/oidc",
      SIGNICAT_PLATFORM: "enterprise",
    };
    assert.match(buildSignicatConfig(env, real).problems.join("\n"), /SIGNICAT_ACR_VALUES: required/);
    const ok = buildSignicatConfig(
      { ...env, SIGNICAT_ACR_VALUES: "urn:signicat:oidc:method:mitid-ss" },
      real,
    );
    assert.deepEqual(ok.problems, []);
    assert.equal(signicatFlowScopes(ok.config).cpr, "openid profile signicat.national_id");
    assert.equal(
      signicatFlowScopes(ok.config).business,
      "openid profile signicat.organization mitid.business",
    );
    const withKey = buildSignicatConfig(
      {
        ...env,
        SIGNICAT_ACR_VALUES: "urn:signicat:oidc:method:mitid",
        SIGNICAT_REQUEST_SIGNING_KEY: JSON.stringify(SANDBOX_REQUEST_SIGNING_JWK),
      },
      real,
    );
    assert.match(withKey.problems.join("\n"), /SIGNICAT_REQUEST_SIGNING_KEY: Signicat Enterprise/);
  });

  it("reads the eID Hub signing key as a JWK or a PKCS#8 PEM, and names a bad one", () => {
    const jwk = buildSignicatConfig(
      { ...realEnv, SIGNICAT_REQUEST_SIGNING_KEY: JSON.stringify(SANDBOX_REQUEST_SIGNING_JWK) },
      real,
    );
    assert.equal(jwk.config.requestSigning?.alg, "RS256");
    assert.equal(jwk.config.requestSigning?.kid, SANDBOX_REQUEST_SIGNING_JWK.kid);
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const fromPem = buildSignicatConfig(
      {
        ...realEnv,
        SIGNICAT_REQUEST_SIGNING_KEY: pem.replace(/\n/g, "\\n"),
        SIGNICAT_REQUEST_SIGNING_ALG: "ES256",
        SIGNICAT_REQUEST_SIGNING_KID: "k1",
      },
      real,
    );
    assert.deepEqual(fromPem.problems, []);
    assert.equal(fromPem.config.requestSigning?.key.format, "pem");
    assert.equal(fromPem.config.requestSigning?.kid, "k1");
    const bad = buildSignicatConfig({ ...realEnv, SIGNICAT_REQUEST_SIGNING_KEY: "hunter2" }, real);
    assert.match(bad.problems.join("\n"), /SIGNICAT_REQUEST_SIGNING_KEY: must be/);
    const publicOnly = buildSignicatConfig(
      { ...realEnv, SIGNICAT_REQUEST_SIGNING_KEY: JSON.stringify(SANDBOX_PORTAL_REQUEST_KEY) },
      real,
    );
    assert.match(publicOnly.problems.join("\n"), /private JWK/);
  });

  it("against the sandbox: the issuer of the platform, its sandbox key, and every choice", () => {
    const hub = buildSignicatConfig({}, sandbox).config;
    assert.equal(hub.issuer, "http://localhost:4000/signicat/auth/open");
    assert.equal(hub.requestSigning?.kid, SANDBOX_REQUEST_SIGNING_JWK.kid);
    assert.equal(signicatFeatures(hub).business, true);
    const enterprise = buildSignicatConfig({ SIGNICAT_PLATFORM: "enterprise" }, sandbox).config;
    assert.equal(enterprise.issuer, "http://localhost:4000/signicat/oidc");
    assert.equal(enterprise.acrValues, "urn:signicat:oidc:method:mitid");
    assert.equal(enterprise.requestSigning, undefined);
  });

  it("the portal's sandbox signing key is the one the sandbox registers", () => {
    const { d, p, q, dp, dq, qi, ...publicPart } = SANDBOX_REQUEST_SIGNING_JWK;
    void [d, p, q, dp, dq, qi];
    assert.deepEqual(publicPart, SANDBOX_PORTAL_REQUEST_KEY);
  });
});
