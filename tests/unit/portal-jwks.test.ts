import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

import { ProviderKeys } from "../../lib/oidc/jwks";
import { ProviderError } from "../../lib/upstream/fetch";

type Pair = { privateKey: CryptoKey; jwk: JWK };

async function rsaKey(kid?: string): Promise<Pair> {
  const pair = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), alg: "RS256", use: "sig" };
  if (kid) jwk.kid = kid;
  return { privateKey: pair.privateKey, jwk };
}

/**
 * The members of a key set no relying party can use, as the OpenID conformance suite's
 * oidcc-client-test-ignores-unparseable-key-in-jwks publishes them (openid-certification/
 * conformance-suite, OIDCCClientTestIgnoresUnparseableKeyInJwks.java: an `AKP` key with a
 * parameter set that does not exist, a made-up key type), plus an RSA key whose modulus is not
 * base64url and a member that is not an object.
 */
const UNUSABLE_MEMBERS: unknown[] = [
  { kty: "AKP", alg: "ML-DSA-00", kid: "unusable-akp", pub: "AAAA" },
  { kty: "made-up", kid: "unusable-kty" },
  { kty: "RSA", alg: "RS256", use: "sig", n: "***", e: "AQAB" },
  "not-a-key",
];

const issuer = "http://issuer.test/lab";
const audience = "rmi-portal-lab";
const options = { issuer, audience, algorithms: ["RS256"] };

function sign(key: Pair, kid?: string) {
  return new SignJWT({ sub: "subject-1" })
    .setProtectedHeader(kid ? { alg: "RS256", kid } : { alg: "RS256" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key.privateKey);
}

/** A real key set over real HTTP, whose members the test changes, counting the fetches. */
describe("provider key sets (lib/oidc/jwks.ts)", () => {
  let server: Server;
  let jwksUri: string;
  let published: unknown[] = [];
  let fetches = 0;
  let a: Pair;
  let b: Pair;
  let c: Pair;

  before(async () => {
    [a, b, c] = await Promise.all([rsaKey(), rsaKey(), rsaKey()]);
    server = createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    fetches = 0;
  });

  it("kid absent, a single key: verified with that key", async () => {
    published = [a.jwk];
    const payload = (await new ProviderKeys(jwksUri).verify(await sign(a), options)).payload;
    assert.equal(payload.sub, "subject-1");
    assert.equal(fetches, 1);
  });

  it("kid absent, several keys: every candidate is tried, not just the first", async () => {
    published = [a.jwk, b.jwk, c.jwk];
    const keys = new ProviderKeys(jwksUri);
    assert.equal((await keys.verify(await sign(c), options)).payload.sub, "subject-1");
    assert.equal(keys.refetches, 0);
  });

  it("ignores members it cannot use, with and without a kid in the token", async () => {
    published = [...UNUSABLE_MEMBERS, { ...a.jwk, kid: "a" }, b.jwk];
    const keys = new ProviderKeys(jwksUri);
    assert.equal((await keys.verify(await sign(a, "a"), options)).payload.sub, "subject-1");
    assert.equal((await keys.verify(await sign(b), options)).payload.sub, "subject-1");
    assert.equal(keys.refetches, 0);
  });

  it("a key changed without a kid: refetched once and accepted", async () => {
    published = [a.jwk];
    const keys = new ProviderKeys(jwksUri);
    await keys.verify(await sign(a), options);
    published = [b.jwk];
    assert.equal((await keys.verify(await sign(b), options)).payload.sub, "subject-1");
    assert.equal(fetches, 2);
    assert.equal(keys.refetches, 1);
  });

  it("a new kid: refetched once and accepted", async () => {
    published = [{ ...a.jwk, kid: "a" }];
    const keys = new ProviderKeys(jwksUri);
    await keys.verify(await sign(a, "a"), options);
    published = [
      { ...a.jwk, kid: "a" },
      { ...b.jwk, kid: "b" },
    ];
    assert.equal((await keys.verify(await sign(b, "b"), options)).payload.sub, "subject-1");
    assert.equal(fetches, 2);
  });

  it("forged tokens cost one fetch per cool-down, however many arrive", async () => {
    published = [a.jwk];
    let now = 1_000_000;
    const keys = new ProviderKeys(jwksUri, { cooldownMs: 30_000, now: () => now });
    await keys.verify(await sign(a), options);
    const forged = await sign(c);
    const forgedKid = await sign(c, "unknown-kid");
    for (let i = 0; i < 10; i++) {
      await assert.rejects(keys.verify(i % 2 ? forged : forgedKid, options));
    }
    assert.equal(keys.refetches, 1);
    assert.equal(fetches, 2);
    // Several at once share the one fetch too.
    now += 30_000;
    await Promise.all(Array.from({ length: 5 }, () => assert.rejects(keys.verify(forged, options))));
    assert.equal(keys.refetches, 2);
    assert.equal(fetches, 3);
  });

  it("a token that verifies re-arms the refetch: a rotation right after a forgery is still picked up", async () => {
    published = [a.jwk];
    const now = 1_000_000;
    const keys = new ProviderKeys(jwksUri, { cooldownMs: 30_000, now: () => now });
    await assert.rejects(keys.verify(await sign(c), options));
    await keys.verify(await sign(a), options);
    published = [b.jwk];
    assert.equal((await keys.verify(await sign(b), options)).payload.sub, "subject-1");
    assert.equal(keys.refetches, 2);
  });

  it("claims that fail never refetch", async () => {
    published = [a.jwk];
    const keys = new ProviderKeys(jwksUri);
    await assert.rejects(keys.verify(await sign(a), { ...options, audience: "another-client" }));
    assert.equal(keys.refetches, 0);
    assert.equal(fetches, 1);
  });

  it("a key set that cannot be fetched is a provider error, not a refused token", async () => {
    const keys = new ProviderKeys("http://127.0.0.1:1/jwks");
    await assert.rejects(keys.verify(await sign(a), options), ProviderError);
  });
});
