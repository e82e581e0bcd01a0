/**
 * IDToken contract: the portal's adapters fed the operator's documented answers (fixtures under
 * fixtures/idtoken/, each naming its source), and the sandbox's answers checked for the same
 * shape, so the sandbox cannot drift from docs/providers/idtoken.md.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { WebSocket } from "ws";

import { IdtApprovalError, verifyIdtApproval } from "../../lib/providers/idtoken/approval";
import type { IdtConfig } from "../../lib/providers/idtoken/descriptor";
import { idtIdentityFromPayload } from "../../lib/providers/idtoken/identity";
import { idtInitiateAnswerSchema } from "../../lib/providers/idtoken/operator";
import { idtCloseReason, readIdtSocketMessage } from "../../lib/providers/idtoken/page-protocol";
import { MemoryBackend } from "../../lib/state/backend";
import { SharedState } from "../../lib/state/store";
import { parseSandboxConfig } from "../../sandbox/config";
import { createIdToken } from "../../sandbox/idtoken/routes";
import { IDTOKEN_SANDBOX_HMAC_KEY } from "../../sandbox/idtoken/state";

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/idtoken/${name}`, import.meta.url), "utf8")) as T;

const initiate = fixture<{ answer: Record<string, string>; documentedKeys: string[] }>(
  "initiate-answer.json",
);
const messages = fixture<{
  otp_ready: unknown;
  approved: Record<string, string>;
  rejected: { reason: string }[];
}>("socket-messages.json");
const quickstart = fixture<{ payload: Record<string, unknown> & { sub: string } }>(
  "jwt-payload-quickstart.json",
);
const claims = fixture<{
  claimsByScope: Record<string, string[]>;
  idtoken: Record<string, unknown>;
  documentedPayloadKeys: string[];
}>("claims-scopes.json");

describe("IDToken contract: the portal reads the documented answers", () => {
  it("the /auth/initiate answer, with and without random", () => {
    assert.ok(idtInitiateAnswerSchema.safeParse(initiate.answer).success);
    const quickStartOnly = Object.fromEntries(
      Object.entries(initiate.answer).filter(([k]) => k !== "random"),
    );
    assert.ok(idtInitiateAnswerSchema.safeParse(quickStartOnly).success);
  });

  it("the socket's messages: approved relays jwt, hash and random; each documented reason has its own words", () => {
    assert.equal(readIdtSocketMessage(JSON.stringify(messages.otp_ready)), null);
    const { jwt, hash, random } = messages.approved;
    assert.deepEqual(readIdtSocketMessage(JSON.stringify(messages.approved)), {
      type: "approved",
      approval: { jwt, hash, random },
    });
    const reasons = messages.rejected.map((m) => {
      const read = readIdtSocketMessage(JSON.stringify(m));
      return read?.type === "ended" ? read.reason : undefined;
    });
    assert.deepEqual(reasons, [
      "idtoken_invalid_signature",
      "idtoken_invalid_otp",
      "idtoken_too_many_attempts",
    ]);
    // A reason the docs do not list (e.g. the holder's decline) is a refusal in the app.
    assert.deepEqual(readIdtSocketMessage('{"type":"rejected","reason":"whatever"}'), {
      type: "ended",
      reason: "idtoken_rejected",
    });
    assert.equal(idtCloseReason(4001), "login_incomplete");
    assert.equal(idtCloseReason(4004), "login_expired");
    assert.equal(idtCloseReason(4009), "idtoken_replaced");
    assert.equal(idtCloseReason(1000), "idtoken_expired");
  });

  it("the Quick Start's payload and the Claims & Scopes names", () => {
    const a = idtIdentityFromPayload(quickstart.payload);
    assert.deepEqual(a.identity.name, { given: "Marie", family: "Dupont" });
    assert.equal(a.identity.ageOver18, true);
    assert.deepEqual(a.skipped, []);
    const b = idtIdentityFromPayload({ sub: "IDT-EXAMPLE", scope: "identity:full", idtoken: claims.idtoken });
    assert.deepEqual(b.skipped, []);
    assert.equal(b.identity.documentNumber, "19FR82731");
    assert.equal(b.identity.trustLevel, "high");
    assert.equal(b.identity.dateOfBirth, "1990-03-14");
  });
});

describe("IDToken contract: the approval checks", () => {
  let server: Server;
  let operatorUrl = "";
  let privateKey: CryptoKey;
  const base: Omit<IdtConfig, "operatorUrl" | "issuer"> = {
    wsUrl: "ws://127.0.0.1",
    serviceId: "svc",
    audience: "svc",
    scopes: ["identity:basic"],
    sessionClaim: undefined,
    approvalRandom: "auto",
    approvalHmac: undefined,
  };
  let cfg: IdtConfig;

  before(async () => {
    const pair = await generateKeyPair("ES256", { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    server = createServer((_, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    operatorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cfg = { ...base, operatorUrl, issuer: operatorUrl };
  });
  after(() => server.close());

  const sign = (extra: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      scope: "identity:name",
      idtoken: { tokenId: "T1", givenName: "A", familyName: "B" },
      ...extra,
    })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(operatorUrl)
      .setAudience("svc")
      .setSubject("T1")
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);
  };
  const expected = { sessionId: "S1", tokenId: "T1", random: "r-1" };

  it("accepts the documented JWT (no session claim) when the random is this session's", async () => {
    const verified = await verifyIdtApproval(cfg, { jwt: await sign(), random: "r-1" }, expected);
    assert.equal(verified.identity.subject, "T1");
    assert.ok(verified.ttlSeconds > 300);
  });

  it("refuses another session's random, and a missing one when the initiation gave one", async () => {
    const jwt = await sign();
    await assert.rejects(verifyIdtApproval(cfg, { jwt, random: "r-2" }, expected), IdtApprovalError);
    await assert.rejects(verifyIdtApproval(cfg, { jwt }, expected), IdtApprovalError);
    // No random at initiation and `auto`: nothing to compare.
    await verifyIdtApproval(cfg, { jwt }, { sessionId: "S1", tokenId: "T1" });
  });

  it("checks the session claim only when IDTOKEN_SESSION_CLAIM is set", async () => {
    const bound = { ...cfg, sessionClaim: "sid" };
    await assert.rejects(
      verifyIdtApproval(bound, { jwt: await sign(), random: "r-1" }, expected),
      IdtApprovalError,
    );
    await assert.rejects(
      verifyIdtApproval(bound, { jwt: await sign({ sid: "S2" }), random: "r-1" }, expected),
      IdtApprovalError,
    );
    await verifyIdtApproval(bound, { jwt: await sign({ sid: "S1" }), random: "r-1" }, expected);
  });

  it("checks the hash with the configured key and input", async () => {
    const key = IDTOKEN_SANDBOX_HMAC_KEY;
    const withHmac = { ...cfg, approvalHmac: { key, input: "{sessionId}.{random}" } };
    const hash = createHmac("sha256", key).update("S1.r-1").digest("base64url");
    const jwt = await sign();
    await verifyIdtApproval(withHmac, { jwt, random: "r-1", hash }, expected);
    await assert.rejects(
      verifyIdtApproval(withHmac, { jwt, random: "r-1", hash: "x" + hash }, expected),
      IdtApprovalError,
    );
    await assert.rejects(verifyIdtApproval(withHmac, { jwt, random: "r-1" }, expected), IdtApprovalError);
  });

  it("refuses HS256, another subject, and an idtoken.tokenId that is not the sub", async () => {
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setIssuer(operatorUrl)
      .setAudience("svc")
      .setSubject("T1")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("svc-secret-svc-secret-svc-secret"));
    await assert.rejects(verifyIdtApproval(cfg, { jwt: hs, random: "r-1" }, expected), IdtApprovalError);
    await assert.rejects(
      verifyIdtApproval(cfg, { jwt: await sign(), random: "r-1" }, { ...expected, tokenId: "T2" }),
      IdtApprovalError,
    );
    await assert.rejects(
      verifyIdtApproval(cfg, { jwt: await sign({ idtoken: { tokenId: "T9" } }), random: "r-1" }, expected),
      IdtApprovalError,
    );
  });

  it("a claim of an odd shape is left out, not a refused login", async () => {
    const jwt = await sign({
      idtoken: { tokenId: "T1", givenName: "A", familyName: "B", dateOfBirth: 1990 },
    });
    const verified = await verifyIdtApproval(cfg, { jwt, random: "r-1" }, expected);
    assert.deepEqual(verified.identity.name, { given: "A", family: "B" });
    assert.equal(verified.identity.dateOfBirth, undefined);
  });

  it("single use: a key is taken once until its time to live ends", async () => {
    // The single-instance store the routes use without REDIS_URL (lib/state).
    const once = new SharedState(new MemoryBackend(), "unit-test-secret-0123456789abcdef0123");
    assert.equal(await once.consumeOnce("idt:jwt:k", 100), true);
    assert.equal(await once.consumeOnce("idt:jwt:k", 100), false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(await once.consumeOnce("idt:jwt:k", 100), true);
  });
});

describe("IDToken contract: the sandbox answers in the documented shapes", () => {
  it("initiate, JWT payload and socket messages carry only documented members", async () => {
    const provider = await createIdToken(parseSandboxConfig({}), Date.now);
    const post = (path: string, body: unknown) =>
      provider.routes.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const server = createServer();
    server.on("upgrade", (req, socket, head) => {
      if (!provider.upgrade?.(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const answer = (await (
        await post("/auth/initiate", {
          tokenId: "IDT-MARIE-DUPONT",
          serviceId: "rmi-portal-demo",
          scopes: ["identity:full"],
        })
      ).json()) as Record<string, string>;
      assert.deepEqual(Object.keys(answer).sort(), [...initiate.documentedKeys].sort());
      assert.ok(idtInitiateAnswerSchema.safeParse(answer).success);

      const port = (server.address() as AddressInfo).port;
      const ws = new WebSocket(
        `ws://127.0.0.1:${port}/idtoken/ws/session/${answer.sessionId}?token=${answer.wsToken}`,
      );
      const received: Record<string, unknown>[] = [];
      const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
      ws.on("message", (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
      await new Promise((resolve) => ws.on("open", resolve));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(
        (await post("/control/tokens/IDT-MARIE-DUPONT/approve", { otp: answer.autoPassword })).status,
        200,
      );
      assert.equal(await closed, 1000);

      const [ready, approved] = received;
      assert.deepEqual(Object.keys(ready ?? {}).sort(), Object.keys(messages.otp_ready as object).sort());
      assert.deepEqual(Object.keys(approved ?? {}).sort(), Object.keys(messages.approved).sort());
      assert.equal(approved?.random, answer.random);
      const payload = decodeJwt(String(approved?.jwt));
      assert.deepEqual(Object.keys(payload).sort(), [...claims.documentedPayloadKeys].sort());
      assert.equal(approved?.expiresAt, new Date((payload.exp ?? 0) * 1000).toISOString());
      const documented = new Set(["tokenId", ...Object.values(claims.claimsByScope).flat()]);
      for (const name of Object.keys(payload.idtoken as object)) assert.ok(documented.has(name), name);
      const hash = createHmac("sha256", IDTOKEN_SANDBOX_HMAC_KEY)
        .update(`${answer.sessionId}.${answer.random}`)
        .digest("base64url");
      assert.equal(approved?.hash, hash);
    } finally {
      server.close();
    }
  });
});
