import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as oauth from "oauth4webapi";
import { createTranslator } from "use-intl/core";

import {
  captureAuthDebug,
  captureAuthErrors,
  classifyLoginFailure,
  specificErrorLocation,
} from "../../lib/login-failure/classify";
import { MissingUidAttributesError } from "../../lib/providers/digidentity/identity";
import { loginErrorProvider, reasonFromOAuthError } from "../../lib/login-failure/provider-names";
import { DiscoveryIssuerError } from "../../lib/oidc/discovery";
import en from "../../messages/en.json";
import { ProviderError } from "../../lib/upstream/fetch";
import { IdTokenError } from "../../lib/oidc/id-token";

/** The words the error page shows for a reason and a provider id from its URL. */
function loginErrorText(reason: "access_denied" | "provider_error", provider: string) {
  const t = createTranslator({ locale: "en", messages: en, namespace: "LoginErrors" });
  const values = { provider: loginErrorProvider(provider) };
  return { title: t(`${reason}.title`, values), body: t(`${reason}.body`, values) };
}

describe("login failures", () => {
  it("maps provider error redirects to known reasons only", () => {
    assert.equal(reasonFromOAuthError("access_denied", "authorisation_revoked"), "authorisation_revoked");
    assert.equal(
      reasonFromOAuthError("access_denied", "chain_authorisation_used"),
      "chain_authorisation_used",
    );
    assert.equal(reasonFromOAuthError("access_denied", "login_cancelled"), "cancelled");
    assert.equal(reasonFromOAuthError("access_denied", "<script>"), "access_denied");
    assert.equal(reasonFromOAuthError("server_error", undefined), "provider_error");
  });

  it("finds the cause under Auth.js's wrappers", () => {
    const wrapped = (err: unknown) =>
      Object.assign(new Error("wrapper"), { type: "CallbackRouteError", cause: { err } });
    assert.equal(classifyLoginFailure(wrapped(new IdTokenError("bad"))), "id_token_invalid");
    assert.equal(classifyLoginFailure(wrapped(new MissingUidAttributesError())), "no_uid_attributes");
    assert.equal(
      classifyLoginFailure(wrapped(new ProviderError("provider_unreachable", "down"))),
      "provider_unreachable",
    );
    const oauth = Object.assign(new Error('unexpected "iss" (issuer) response parameter value'), {
      code: "OAUTH_INVALID_RESPONSE",
    });
    assert.equal(classifyLoginFailure(wrapped(oauth)), "id_token_invalid");
    assert.equal(
      classifyLoginFailure(wrapped(Object.assign(new Error("x"), { code: "OAUTH_RESPONSE_IS_NOT_JSON" }))),
      "provider_error",
    );
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    assert.equal(classifyLoginFailure(refused), "provider_unreachable");
    assert.equal(classifyLoginFailure(new Error("anything else")), "unknown");
  });

  it("tells a malformed answer from a failed check by oauth4webapi's own errors", async () => {
    const as = { issuer: "https://op.example" };
    const client = { client_id: "portal" };
    const refusal = (run: () => unknown) =>
      Promise.resolve()
        .then(run)
        .then(
          () => assert.fail("oauth4webapi accepted the answer"),
          (e: unknown) => e,
        );
    const tokenAnswer = (body: string, type = "application/json") =>
      refusal(() =>
        oauth.processAuthorizationCodeResponse(
          as,
          client,
          new Response(body, { headers: { "content-type": type } }),
        ),
      );
    // A token answer without access_token, one that is not an object, one that is not JSON.
    assert.equal(classifyLoginFailure(await tokenAnswer("{}")), "provider_error");
    assert.equal(classifyLoginFailure(await tokenAnswer("[]")), "provider_error");
    assert.equal(classifyLoginFailure(await tokenAnswer("<html></html>", "text/html")), "provider_error");
    // A forged state fails a check of a value, under the same code as a malformed answer.
    const forged = await refusal(() =>
      oauth.validateAuthResponse(as, client, new URLSearchParams({ code: "c", state: "forged" }), "sent"),
    );
    assert.equal((forged as { code?: unknown }).code, oauth.INVALID_RESPONSE);
    assert.equal(classifyLoginFailure(forged), "id_token_invalid");
  });

  it("rewrites Auth.js's error redirects with the provider's own reason and a reference", async () => {
    const { errors } = await captureAuthErrors(async () => {
      captureAuthDebug("OAuthCallbackError", {
        error: "access_denied",
        error_description: "authorisation_revoked",
      });
    });
    const location = specificErrorLocation("/login?error=OAuthCallbackError", errors, "digidentity");
    assert.match(
      location ?? "",
      /^\/auth\/error\?reason=authorisation_revoked&ref=[0-9a-f]{12}&provider=digidentity$/,
    );
    assert.equal(specificErrorLocation("/account", errors), null);
    assert.match(specificErrorLocation("/auth/error?error=Configuration", []) ?? "", /reason=unknown/);
  });

  it("names the provider the login went to, and only providers it knows", () => {
    assert.equal(
      specificErrorLocation("/login?error=OAuthCallbackError", [], "signicat")?.includes("provider=signicat"),
      true,
    );
    assert.equal(
      specificErrorLocation("/login?error=OAuthCallbackError", [], "<b>x</b>")?.includes("provider"),
      false,
    );
    assert.equal(loginErrorText("access_denied", "signicat").title, "Signicat did not grant access");
    assert.equal(loginErrorText("access_denied", "digidentity").title, "Digidentity did not grant access");
    assert.equal(
      loginErrorText("access_denied", "<b>x</b>").title,
      "The identity provider did not grant access",
    );
    assert.match(loginErrorText("provider_error", "signicat").body, /^The answer from Signicat could not/);
    assert.equal(loginErrorText("access_denied", "idura").title, "Idura did not grant access");
  });

  it("a discovery document naming another issuer has its own reason, and is still a provider error", () => {
    const error = new DiscoveryIssuerError();
    assert.ok(error instanceof ProviderError);
    assert.equal(classifyLoginFailure(error), "issuer_mismatch");
    // oauth4webapi's processDiscoveryResponse, as Auth.js calls it before the redirect.
    const authJs = Object.assign(
      new Error('"response" body "issuer" property does not match the expected value'),
      {
        code: "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
        cause: { attribute: "issuer" },
      },
    );
    assert.equal(
      classifyLoginFailure(Object.assign(new Error("SignInError"), { cause: authJs })),
      "issuer_mismatch",
    );
    const userinfoSub = Object.assign(new Error('unexpected "response" body "sub" property value'), {
      code: "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
      cause: { attribute: "sub" },
    });
    assert.equal(classifyLoginFailure(userinfoSub), "id_token_invalid");
    assert.equal(classifyLoginFailure(new ProviderError("provider_error", "x")), "provider_error");
  });
});
