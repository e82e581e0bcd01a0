import { expect, test, type Page } from "./support/fixtures";

import { CONFORMANCE_CLIENT, TEST_PORTS } from "./support/env";
import { clientLabPortal, PROVIDER_ERROR_TITLE, watchRefusal } from "./support/misbehaviour";
import type { AccountPage, LoginPage } from "./support/pages";
import { PERSONAS } from "./support/personas";

/**
 * The OpenID Foundation's relying-party conformance cases that the other misbehaviour specs do
 * not already cover (docs/conformance.md maps every case of oidcc-client-basic-certification-
 * test-plan and oidcc-client-config-certification-test-plan to its test), against a portal that
 * is Digidentity's third client: key sets without kid or with unusable members, a key changed
 * without kid, and a provider whose token or userinfo endpoint fails.
 */
test.describe.configure({ mode: "serial" });

test.describe("OpenID RP conformance: keys and endpoints", () => {
  const lab = clientLabPortal("digidentity", TEST_PORTS.conformancePortal, CONFORMANCE_CLIENT);

  const login = (loginPage: LoginPage) =>
    loginPage.logInWithDigidentity(PERSONAS.ioe.label, { portalUrl: lab.url });

  async function expectLoggedIn(page: Page, accountPage: AccountPage) {
    await accountPage.expectUids(PERSONAS.ioe.uids);
    await page.context().clearCookies();
  }

  test("oidcc-client-test: a well-behaved answer logs in (and the portal holds the key set)", async ({
    page,
    request,
    loginPage,
    accountPage,
  }) => {
    await lab.misbehave(request, "none");
    await login(loginPage);
    await expectLoggedIn(page, accountPage);
  });

  for (const [mode, conformanceCase] of [
    ["kid_absent_single", "oidcc-client-test-kid-absent-single-jwks"],
    ["kid_absent_several", "oidcc-client-test-kid-absent-multiple-jwks"],
    ["unparseable_key", "oidcc-client-test-ignores-unparseable-key-in-jwks"],
  ] as const) {
    test(`${conformanceCase}: ${mode} is accepted`, async ({ page, request, loginPage, accountPage }) => {
      await lab.misbehave(request, mode);
      await login(loginPage);
      await expectLoggedIn(page, accountPage);
    });
  }

  test("oidcc-client-test-signing-key-rotation, without kid: each new key is fetched and accepted", async ({
    page,
    request,
    loginPage,
    accountPage,
  }) => {
    // Every token in this mode is signed with a key made for it, published without kid: the
    // key set the portal holds cannot verify it, and nothing in the token says the key is new.
    await lab.misbehave(request, "rotated_key_no_kid");
    for (let i = 0; i < 2; i++) {
      await login(loginPage);
      await expectLoggedIn(page, accountPage);
    }
    await lab.misbehave(request, "none");
    await login(loginPage);
    await expectLoggedIn(page, accountPage);
  });

  // A token answer without an ID token is not among these: Digidentity documents none in its
  // token answers, so the portal accepts it there (misbehaviour.spec.ts, docs/providers/digidentity.md).
  for (const mode of ["token_server_error", "userinfo_server_error"] as const) {
    test(`${mode}: refused on the provider-error page, nothing answered 5xx`, async ({
      page,
      request,
      loginPage,
    }) => {
      await lab.misbehave(request, mode);
      const refusal = watchRefusal(page, lab.url);
      await login(loginPage);
      await refusal.onErrorPage("provider_error", PROVIDER_ERROR_TITLE);
      await expect(page.getByText("The answer from Digidentity could not be understood")).toBeVisible();
    });
  }
});
