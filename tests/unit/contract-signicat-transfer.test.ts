/**
 * MitID Session Transfer contract: the portal reads and writes what Signicat's Enterprise
 * documentation shows (tests/unit/fixtures/signicat/session-transfer.json names each source),
 * and the portal's own calls go through the sandbox over real HTTP: the client-credentials
 * token, the Session Transfer API, and a receiving login with the prefills inside the JWE.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import { reasonFromOAuthError } from "../../lib/login-failure/provider-names";
import { buildSignicatConfig, type SignicatConfig } from "../../lib/providers/signicat/descriptor";
import { mitidIdentityFromUserInfo } from "../../lib/providers/signicat/identity";
import { signicatAuthorizationParams, transferHints } from "../../lib/providers/signicat/provider";
import {
  exchangeCodeRequest,
  exchangeCodeResponseSchema,
  requestExchangeCode,
} from "../../lib/providers/signicat/transfer";
import { CTA_SCOPE, SANDBOX_TRANSFER_DEFAULTS } from "../../lib/providers/signicat/transfer-config";
import {
  SANDBOX_BROKER_ID,
  serviceProviderId,
  TRANSFER_API_PATH,
  TRANSFER_ERRORS,
} from "../../sandbox/signicat/session-transfer";
import { basicAuth, formPost, servedSandbox, type SandboxApp } from "./support/sandbox-http";

const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "fixtures", "signicat", "session-transfer.json"), "utf8"),
);

describe("MitID Session Transfer: what Signicat documents", () => {
  it("reads ENT-MITID's signicat.cta_id, keeping it apart from the identity", () => {
    const { identity, ctaId } = mitidIdentityFromUserInfo(
      { sub: "c8938385-211d-4ab1-968c-ac84bb788c4f", name: "Helle Jensen", ...fixture.ctaClaim },
      { platform: "enterprise", grantedScope: "openid profile" },
    );
    assert.equal(ctaId, fixture.ctaClaim["signicat.cta_id"]);
    assert.equal(identity.canTransfer, true);
    assert.equal(JSON.stringify(identity).includes("mitid:cta:"), false);
  });

  it("writes the receiving prefills exactly as ENT-MITID's example", () => {
    const [code, text] = fixture.receivingLoginHint as [string, string];
    assert.deepEqual(
      transferHints({
        transfer: { code: code.slice("transferTokenExchangeCode-".length), text: text.slice(18) },
      }),
      fixture.receivingLoginHint,
    );
    assert.deepEqual(transferHints({ transfer: { code: "7ed3cec8-33cb-4852-bc79-ef3293e1dc52" } }), [
      fixture.receivingLoginHint[0],
    ]);
  });

  it("asks for the documented scope; the request names the MitID-level parties (our member names)", () => {
    assert.equal(CTA_SCOPE, fixture.ctaScope);
    const body = exchangeCodeRequest(
      "mitid:cta:3d939e76-2bcc-402b-9e81-0770c2f8efd6",
      {
        id: "p",
        name: "P",
        handoverUrl: "https://partner.example/handover",
        broker: SANDBOX_BROKER_ID,
        serviceProvider: serviceProviderId("x"),
        text: true,
        redirectOrigins: [],
      },
      "some text",
    );
    assert.deepEqual(Object.keys(body), fixture.sandboxApi.requestMembers);
    // The text keeps MitID's name, as another broker's documented API spells it.
    assert.ok(Object.keys(fixture.comparison.requestBody).includes("transferTokenText"));
    assert.ok(
      exchangeCodeResponseSchema.safeParse({ [fixture.comparison.responseMember]: "7ed3cec8-33cb-4852" })
        .success,
    );
  });

  it("the sandbox's failure descriptions each have their own page", () => {
    assert.equal(
      reasonFromOAuthError("access_denied", TRANSFER_ERRORS.textMismatch),
      "transfer_text_mismatch",
    );
    assert.equal(reasonFromOAuthError("access_denied", TRANSFER_ERRORS.expired), "transfer_code_expired");
    assert.equal(reasonFromOAuthError("access_denied", TRANSFER_ERRORS.used), "transfer_code_used");
  });

  it("the portal's sandbox defaults name the sandbox's broker and partner", () => {
    assert.equal(SANDBOX_TRANSFER_DEFAULTS.brokerId, SANDBOX_BROKER_ID);
    assert.equal(
      SANDBOX_TRANSFER_DEFAULTS.partnerServiceProvider,
      serviceProviderId(SANDBOX_TRANSFER_DEFAULTS.partnerClientId),
    );
    assert.equal(SANDBOX_TRANSFER_DEFAULTS.apiPath, `/signicat${TRANSFER_API_PATH}`);
    assert.equal(fixture.sandboxApi.path, SANDBOX_TRANSFER_DEFAULTS.apiPath);
  });

  it("is off with SANDBOX=off unless configured, and refuses a malformed partner list", () => {
    const off = buildSignicatConfig(
      {
        SIGNICAT_ISSUER: "https://example.signicat.com/oidc",
        SIGNICAT_CLIENT_ID: "c",
        SIGNICAT_CLIENT_SECRET: "s",
        SIGNICAT_PLATFORM: "enterprise",
        SIGNICAT_ACR_VALUES: "urn:signicat:oidc:method:mitid",
      },
      { sandbox: false, sandboxUrl: "" },
    );
    assert.deepEqual(off.problems, []);
    assert.equal(off.config.transfer, undefined);
    const bad = buildSignicatConfig(
      { SIGNICAT_TRANSFER_PARTNERS: "[{" },
      { sandbox: true, sandboxUrl: "http://s" },
    );
    assert.match(bad.problems.join("\n"), /SIGNICAT_TRANSFER_PARTNERS/);
    const noApi = buildSignicatConfig(
      {
        SIGNICAT_ISSUER: "https://example.signicat.com/oidc",
        SIGNICAT_CLIENT_ID: "c",
        SIGNICAT_CLIENT_SECRET: "s",
        SIGNICAT_PLATFORM: "enterprise",
        SIGNICAT_ACR_VALUES: "urn:signicat:oidc:method:mitid",
        SIGNICAT_TRANSFER_PARTNERS: JSON.stringify([
          {
            id: "parts",
            name: "Parts",
            handoverUrl: "https://parts.example/handover",
            broker: SANDBOX_BROKER_ID,
            serviceProvider: serviceProviderId("parts"),
          },
        ]),
      },
      { sandbox: false, sandboxUrl: "" },
    );
    assert.match(noApi.problems.join("\n"), /SIGNICAT_TRANSFER_API_URL: required/);
  });
});

describe("MitID Session Transfer: the portal against the sandbox", () => {
  let base = "";
  let app: SandboxApp;
  servedSandbox("signicat-transfer", (a, b) => {
    app = a;
    base = b;
  });
  const redirectUri = "http://localhost:3000/api/auth/callback/signicat";
  const basic = basicAuth("rmi-portal-signicat", "sandbox-signicat-secret");

  const portal = (): SignicatConfig => {
    const { config, problems } = buildSignicatConfig(
      { SIGNICAT_PLATFORM: "enterprise" },
      { sandbox: true, sandboxUrl: base },
    );
    assert.deepEqual(problems, []);
    return config;
  };

  /** Code, token and userinfo for an authorize URL that ends in a redirect with a code. */
  async function finish(location: string, verifier?: string) {
    const code = new URL(location).searchParams.get("code")!;
    const token = await app.request(
      "/signicat/oidc/token",
      formPost(
        {
          grant_type: "authorization_code",
          code,
          redirect_uri: redirectUri,
          ...(verifier ? { code_verifier: verifier } : {}),
        },
        basic,
      ),
    );
    const { access_token } = (await token.json()) as { access_token: string };
    const userinfo = await app.request("/signicat/oidc/userinfo", {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    return (await userinfo.json()) as Record<string, string>;
  }

  /** Peter's MitID login on Enterprise through the screens; answers userinfo. */
  async function logIn() {
    let res = await app.request(
      `/signicat/oidc/authorize?${new URLSearchParams({
        client_id: "rmi-portal-signicat",
        redirect_uri: redirectUri,
        response_type: "code",
        scope: "openid profile",
        state: "s",
      })}`,
    );
    const tx = /name="tx" value="([^"]+)"/.exec(await res.text())![1]!;
    await app.request(
      "/signicat/oidc/authorize",
      formPost({ tx, step: "userid", action: "continue", userId: "peter.hansen" }),
    );
    await app.request("/signicat/oidc/authorize", formPost({ tx, step: "method", action: "app" }));
    res = await app.request(
      "/signicat/oidc/authorize",
      formPost({ tx, step: "app", action: "pin", pin: "123456" }),
    );
    return finish(res.headers.get("location")!);
  }

  /** The portal redeems: its own request object (with the prefills) at the sandbox's authorize. */
  async function redeem(cfg: SignicatConfig, code: string, text?: string) {
    const params = await signicatAuthorizationParams(
      cfg,
      { flow: "mitid", transfer: { code, text } },
      redirectUri,
    );
    for (const value of Object.values(params)) assert.equal(value.includes(code), false, "the code in a URL");
    const verifier = randomBytes(32).toString("base64url");
    const url = `/signicat/oidc/authorize?${new URLSearchParams({
      client_id: cfg.clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      state: "s",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
      ...params,
    })}`;
    const res = await app.request(url);
    assert.equal(res.status, 303);
    const location = new URL(res.headers.get("location")!);
    return { location, verifier };
  }

  it("a login carries signicat.cta_id; the portal gets a code and redeems it with and without text", async () => {
    const cfg = portal();
    const partner = {
      ...cfg.transfer!.partners[0]!,
      serviceProvider: serviceProviderId("rmi-portal-signicat"),
    };
    for (const text of ["a shared text", undefined]) {
      const first = await logIn();
      assert.match(first["signicat.cta_id"]!, /^mitid:cta:[0-9a-f-]{36}$/);
      const code = await requestExchangeCode(cfg, cfg.transfer!, first["signicat.cta_id"]!, partner, text);
      const { location, verifier } = await redeem(cfg, code, text);
      assert.equal(location.searchParams.get("error"), null);
      const second = await finish(location.toString(), verifier);
      assert.equal(second.sub, first.sub);
      assert.equal(second.name, "Peter Hansen");
    }
  });

  it("a wrong text, a used code, an expired code: each its own description", async () => {
    const cfg = portal();
    const partner = {
      ...cfg.transfer!.partners[0]!,
      serviceProvider: serviceProviderId("rmi-portal-signicat"),
    };
    const cta = (await logIn())["signicat.cta_id"]!;
    const wrong = await requestExchangeCode(cfg, cfg.transfer!, cta, partner, "right");
    let r = await redeem(cfg, wrong, "wrong");
    assert.equal(r.location.searchParams.get("error_description"), TRANSFER_ERRORS.textMismatch);
    r = await redeem(cfg, wrong, "right");
    assert.equal(r.location.searchParams.get("error_description"), TRANSFER_ERRORS.used);

    const control = (seconds: number | null) =>
      app.request("/signicat/control/session-transfer/lifetime", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_id: "rmi-portal-signicat", seconds }),
      });
    assert.equal((await control(0)).status, 200);
    try {
      const expired = await requestExchangeCode(cfg, cfg.transfer!, cta, partner, undefined);
      r = await redeem(cfg, expired);
      assert.equal(r.location.searchParams.get("error_description"), TRANSFER_ERRORS.expired);
    } finally {
      await control(null);
    }
  });

  it("the API wants a client.mitid.cta token, a known CTA id and a known receiver", async () => {
    const noToken = await app.request(`/signicat${TRANSFER_API_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(noToken.status, 401);
    const wrongScope = await app.request(
      "/signicat/oidc/token",
      formPost({ grant_type: "client_credentials", scope: "openid" }, basic),
    );
    assert.equal(wrongScope.status, 400);
    const tokenRes = await app.request(
      "/signicat/oidc/token",
      formPost({ grant_type: "client_credentials", scope: CTA_SCOPE }, basic),
    );
    const { access_token, scope } = (await tokenRes.json()) as { access_token: string; scope: string };
    assert.equal(scope, CTA_SCOPE);
    const call = (body: unknown) =>
      app.request(`/signicat${TRANSFER_API_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
        body: JSON.stringify(body),
      });
    const cta = (await logIn())["signicat.cta_id"];
    const good = {
      ctaId: cta,
      receivingBroker: SANDBOX_BROKER_ID,
      receivingServiceProvider: serviceProviderId(SANDBOX_TRANSFER_DEFAULTS.partnerClientId),
    };
    assert.equal((await call(good)).status, 201);
    assert.equal(
      (await call({ ...good, ctaId: "mitid:cta:00000000-0000-4000-8000-000000000000" })).status,
      404,
    );
    assert.equal(
      (await call({ ...good, receivingServiceProvider: serviceProviderId("nobody") })).status,
      400,
    );
    assert.equal((await call({ ...good, extra: 1 })).status, 400);
  });

  it("refuses transfer prefills in a plain URL", async () => {
    const res = await app.request(
      `/signicat/oidc/authorize?${new URLSearchParams({
        client_id: "rmi-portal-signicat",
        redirect_uri: redirectUri,
        response_type: "code",
        scope: "openid profile",
        login_hint: "transferTokenExchangeCode-7ed3cec8-33cb-4852-bc79-ef3293e1dc52",
      })}`,
    );
    assert.equal(new URL(res.headers.get("location")!).searchParams.get("error"), "invalid_request");
  });
});
