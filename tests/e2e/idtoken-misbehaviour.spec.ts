import { expect, test, type Page } from "./support/fixtures";

import { IDTOKEN_LAB_SERVICE, TEST_PORTS } from "./support/env";
import { IDTOKEN_REFUSED_MODES, labPortal, refusalTests, VERIFY_TITLE } from "./support/misbehaviour";
import { AccountPage, IdTokenLoginPage } from "./support/pages";
import { approveIdTokenSession } from "./support/sandbox";

/**
 * Every way the IDToken operator can push a wrong JWT, against a portal that is IDToken's second
 * service (so the main portal's IDToken tests keep logging in normally). The holder approves on
 * the phone (here through the phone app's API); the page must refuse what arrives on the socket.
 */
test.describe.configure({ mode: "serial" });

/** Not the token the IDToken spec expires: the two specs may run side by side. */
const LUKAS = "IDT-LUKAS-JANSEN";

test.describe("the portal refuses every bad JWT from IDToken", () => {
  const lab = labPortal(
    TEST_PORTS.idtokenLabPortal,
    { IDTOKEN_SERVICE_ID: IDTOKEN_LAB_SERVICE },
    { provider: "idtoken", clientId: IDTOKEN_LAB_SERVICE },
  );

  refusalTests(lab, {
    name: "IDToken login",
    modes: IDTOKEN_REFUSED_MODES,
    async login(page: Page) {
      const login = new IdTokenLoginPage(page);
      await login.goto(lab.url);
      const session = await login.startSession(LUKAS);
      await approveIdTokenSession(page.request, { ...session, tokenId: LUKAS });
    },
    async expectLoggedIn(page: Page) {
      await new AccountPage(page).expectLoaded();
      await expect(page.getByTestId("idtoken-subject")).toHaveText(LUKAS);
    },
    // The login page stays open and says so in place.
    async expectRefused(refusal, page) {
      await expect(page.getByTestId("idtoken-ended")).toHaveAttribute("data-reason", "id_token_invalid");
      await refusal.inPlace("idtoken-ended", VERIFY_TITLE);
    },
  });
});
