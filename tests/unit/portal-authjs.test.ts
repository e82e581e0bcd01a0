import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  captureAuthDebug,
  captureAuthError,
  captureAuthErrors,
  ProviderRedirectError,
  withSpecificLoginErrors,
} from "../../lib/authjs/capture";
import { classifyLoginFailure } from "../../lib/login-failure/classify";

/**
 * One test per Auth.js shape lib/authjs/capture.ts depends on (next-auth 5.0.0-beta.32). The
 * shapes are what @auth/core 0.41 passes to its logger hooks and answers from its route handler.
 */
describe("Auth.js workarounds (next-auth 5.0.0-beta.32)", () => {
  it("logger.error: the error is kept for this request only", async () => {
    const boom = new Error("from Auth.js");
    const { errors } = await captureAuthErrors(async () => captureAuthError(boom));
    assert.deepEqual(errors, [boom]);
    // Outside a captured request the hook does nothing (and does not throw).
    captureAuthError(new Error("elsewhere"));
  });

  it("logger.debug('OAuthCallbackError', {error, error_description}) keeps what the provider said", async () => {
    const { errors } = await captureAuthErrors(async () => {
      captureAuthDebug("OAuthCallbackError", {
        error: "access_denied",
        error_description: "login_cancelled",
      });
      captureAuthDebug("something else", { error: "ignored" });
    });
    assert.equal(errors.length, 1);
    const e = errors[0] as ProviderRedirectError;
    assert.ok(e instanceof ProviderRedirectError);
    assert.equal(e.error, "access_denied");
    assert.equal(e.description, "login_cancelled");
    assert.equal(classifyLoginFailure(e), "cancelled");
  });

  it("the cause behind Auth.js's wrappers (`cause.err`) is what decides the reason", () => {
    const wrapped = Object.assign(new Error("CallbackRouteError"), {
      type: "CallbackRouteError",
      cause: { err: new ProviderRedirectError("access_denied", "authorisation_revoked") },
    });
    assert.equal(classifyLoginFailure(wrapped), "authorisation_revoked");
  });

  it("a redirect to Auth.js's error page becomes our page with the reason, the provider and a reference", async () => {
    const req = new Request("http://portal.test/api/auth/callback/digidentity?code=x&state=y");
    const res = await withSpecificLoginErrors(req, async () => {
      captureAuthDebug("OAuthCallbackError", {
        error: "access_denied",
        error_description: "login_cancelled",
      });
      return new Response(null, { status: 302, headers: { location: "/auth/error?error=Configuration" } });
    });
    assert.equal(res.status, 303);
    const location = new URL(res.headers.get("location") ?? "", "http://portal.test");
    assert.equal(location.pathname, "/auth/error");
    assert.equal(location.searchParams.get("reason"), "cancelled");
    assert.equal(location.searchParams.get("provider"), "digidentity");
    assert.match(location.searchParams.get("ref") ?? "", /^[0-9a-f]{12}$/);
  });

  it("any other answer of Auth.js passes through untouched", async () => {
    const req = new Request("http://portal.test/api/auth/callback/digidentity");
    const ok = new Response(null, { status: 302, headers: { location: "/account" } });
    assert.equal(await withSpecificLoginErrors(req, async () => ok), ok);
  });
});
