import type { APIRequestContext } from "@playwright/test";

import { expect, test } from "./support/fixtures";

import { DEMO_PIN, IDTOKEN_LAB_SERVICE, TEST_PORTS } from "./support/env";
import { IDTOKEN_REFUSED_MODES, labPortal, refusalTests, VERIFY_TITLE } from "./support/misbehaviour";
import { sandboxFor } from "./support/sandbox";

/**
 * Every way the IDToken operator can push a wrong JWT, against a portal that is IDToken's second
 * service (so the main portal's IDToken tests keep logging in normally). The holder approves on
 * the phone (here through the phone app's API); the page must refuse what arrives on the socket.
 */
test.describe.configure({ mode: "serial" });

/** Not the token the IDToken spec expires: the two specs may run side by side. */
const LUKAS = "IDT-LUKAS-JANSEN";

test.describe("the portal refuses every bad JWT from IDToken", () => {
  // This service's JWTs name their session (the documented JWT does not: a sandbox setting), and
  // this portal checks it, so `wrong_session` is refused by the session claim as well as the random.
  const lab = labPortal(
    TEST_PORTS.idtokenLabPortal,
    { IDTOKEN_SERVICE_ID: IDTOKEN_LAB_SERVICE, IDTOKEN_SESSION_CLAIM: "sid" },
    { provider: "idtoken", clientId: IDTOKEN_LAB_SERVICE },
  );
  const sessionClaim = (request: APIRequestContext, claim: string | null) =>
    sandboxFor(request).idtoken.sessionClaim(IDTOKEN_LAB_SERVICE, claim);
  test.beforeAll(async ({ request }) => {
    await sessionClaim(request, "sid");
  });
  test.afterAll(async ({ request }) => {
    await sessionClaim(request, null);
  });

  refusalTests(lab, {
    name: "IDToken login",
    modes: IDTOKEN_REFUSED_MODES,
    async login({ page, idTokenLoginPage }) {
      await idTokenLoginPage.goto(lab.url);
      const session = await idTokenLoginPage.startSession(LUKAS);
      await sandboxFor(page.request).idtoken.answerOnPhone({ ...session, tokenId: LUKAS }, { pin: DEMO_PIN });
    },
    async expectLoggedIn({ page, accountPage }) {
      await accountPage.expectLoaded();
      await expect(page.getByTestId("idtoken-subject")).toHaveText(LUKAS);
    },
    // The login page stays open and says so in place.
    async expectRefused(refusal, { page }) {
      await expect(page.getByTestId("idtoken-ended")).toHaveAttribute("data-reason", "id_token_invalid");
      await refusal.inPlace("idtoken-ended", VERIFY_TITLE);
    },
  });
});
