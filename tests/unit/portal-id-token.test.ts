import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

import { classifyLoginFailure } from "../../lib/login-failure/classify";
import { IdTokenError, signingAlgorithms, verifyIdToken } from "../../lib/oidc/id-token";
import { DOCUMENTED_IOE } from "./support/digidentity-uids";

/** A real JWKS over real HTTP, as a provider publishes it. */
describe("ID token verification", () => {
  let server: Server;
  let jwksUri: string;
  let key: CryptoKey;
  let otherKey: CryptoKey;
  const issuer = "http://issuer.test/digidentity";
  const clientId = "rmi-portal-demo";

  before(async () => {
    const pair = await generateKeyPair("RS256");
    key = pair.privateKey;
    otherKey = (await generateKeyPair("RS256")).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, signWith: CryptoKey = key, kid = "k1") => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: issuer,
      aud: clientId,
      sub: DOCUMENTED_IOE.sub,
      iat: now,
      exp: now + 300,
      nonce: "n-1",
      ...claims,
    };
    return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid }).sign(signWith);
  };

  const expect = (nonce?: string) => ({ issuer, clientId, jwksUri, algorithms: ["RS256"], nonce });

  it("accepts a token signed with the provider's key", async () => {
    const payload = await verifyIdToken(await sign({}), expect("n-1"));
    assert.equal(payload.sub, DOCUMENTED_IOE.sub);
  });

  it("refuses a bad signature", async () => {
    await assert.rejects(verifyIdToken(await sign({}, otherKey), expect()), IdTokenError);
  });

  it("refuses alg none", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(
      JSON.stringify({ iss: issuer, aud: clientId, sub: "x", iat: 1, exp: 9999999999 }),
    ).toString("base64url");
    await assert.rejects(verifyIdToken(`${header}.${body}.`, expect()), IdTokenError);
  });

  it("refuses HS256 signed with the client secret", async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject("x")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("sandbox-digidentity-secret"));
    await assert.rejects(verifyIdToken(token, expect()), IdTokenError);
  });

  it("refuses the wrong issuer, audience, nonce, an expired token and a missing iat", async () => {
    await assert.rejects(verifyIdToken(await sign({ iss: "http://evil.test" }), expect()), IdTokenError);
    await assert.rejects(verifyIdToken(await sign({ aud: "another-client" }), expect()), IdTokenError);
    await assert.rejects(verifyIdToken(await sign({}), expect("other-nonce")), IdTokenError);
    await assert.rejects(
      verifyIdToken(await sign({ exp: Math.floor(Date.now() / 1000) - 3600 }), expect()),
      IdTokenError,
    );
    const noIat = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject("x")
      .setExpirationTime("5m")
      .sign(key);
    await assert.rejects(verifyIdToken(noIat, expect()), IdTokenError);
  });

  it("refuses a token authorised for another client (azp), as it refuses a wrong audience", async () => {
    const refusedAs = async (token: string) => {
      try {
        await verifyIdToken(token, expect());
      } catch (e) {
        assert.ok(e instanceof IdTokenError);
        return classifyLoginFailure(e);
      }
      assert.fail("the token was accepted");
    };
    const wrongAud = await refusedAs(await sign({ aud: "another-client" }));
    assert.equal(wrongAud, "id_token_invalid");
    assert.equal(await refusedAs(await sign({ azp: "another-client" })), wrongAud);
    assert.equal(await refusedAs(await sign({ aud: [clientId, "another-client"] })), wrongAud);
    assert.equal(
      await refusedAs(await sign({ aud: [clientId, "another-client"], azp: "another-client" })),
      wrongAud,
    );
    // azp naming this client, with one audience or several, is fine.
    await verifyIdToken(await sign({ azp: clientId }), expect());
    await verifyIdToken(await sign({ aud: [clientId, "another-client"], azp: clientId }), expect());
  });

  it("only asymmetric algorithms the provider announces count", () => {
    assert.deepEqual(signingAlgorithms(["RS256", "none", "HS256"]), ["RS256"]);
    assert.deepEqual(signingAlgorithms(undefined), ["RS256"]);
    assert.deepEqual(signingAlgorithms(["none"]), ["RS256"]);
  });
});
