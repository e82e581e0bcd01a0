import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet } from "jose";
import { createSandboxApp } from "../../sandbox/app";
import { parseSandboxConfig } from "../../sandbox/config";

describe("sandbox config", () => {
  it("names the variable that is wrong", () => {
    assert.throws(() => parseSandboxConfig({ SANDBOX_PORT: "eighty" }), /SANDBOX_PORT/);
    assert.throws(
      () => parseSandboxConfig({ SANDBOX_DIGIDENTITY_PRODUCT_SCOPE: "too-short" }),
      /SANDBOX_DIGIDENTITY_PRODUCT_SCOPE/,
    );
  });

  it("derives the allowlist from SANDBOX_PORTAL_URL", () => {
    const config = parseSandboxConfig({
      SANDBOX_PORTAL_URL: "http://192.168.1.20:3000/",
      SANDBOX_DIGIDENTITY_REDIRECT_URIS: "https://a.example/cb, https://b.example/cb",
    });
    assert.deepEqual(config.digidentity.redirectUris, [
      "http://192.168.1.20:3000/api/auth/callback/digidentity",
      "https://a.example/cb",
      "https://b.example/cb",
    ]);
    assert.equal(config.publicUrl, "http://localhost:4000");
  });

  it("signs with the key from SANDBOX_SIGNING_KEY, its kid the RFC 7638 thumbprint", async () => {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk = await exportJWK(privateKey);
    const app = await createSandboxApp(parseSandboxConfig({ SANDBOX_SIGNING_KEY: JSON.stringify(jwk) }));
    const jwks = (await (await app.request("/digidentity/oauth2/jwks")).json()) as JSONWebKeySet;
    assert.equal(jwks.keys[0]?.n, jwk.n);
    assert.equal(jwks.keys[0]?.kid, await calculateJwkThumbprint({ kty: "RSA", n: jwk.n, e: jwk.e }));
    assert.throws(() => parseSandboxConfig({ SANDBOX_SIGNING_KEY: "{not json" }), /SANDBOX_SIGNING_KEY/);
  });
});

describe("sandbox config: display names of clients", () => {
  it("names each provider's main client by SANDBOX_SERVICE_NAME, others by SANDBOX_CLIENT_NAMES", () => {
    const config = parseSandboxConfig({
      SANDBOX_SERVICE_NAME: "Werkplaats portaal",
      SANDBOX_CLIENT_NAMES: "lab-portal=Lab portal, rmi-portal-idura = Idura demo",
    });
    assert.equal(config.clientNames["rmi-portal-demo"], "Werkplaats portaal");
    assert.equal(config.clientNames["rmi-portal-signicat"], "Werkplaats portaal");
    assert.equal(config.clientNames["lab-portal"], "Lab portal");
    assert.equal(config.clientNames["rmi-portal-idura"], "Idura demo");
  });

  it("refuses a pair without a name", () => {
    assert.throws(() => parseSandboxConfig({ SANDBOX_CLIENT_NAMES: "lab-portal" }), /id=Name pairs/);
  });
});
