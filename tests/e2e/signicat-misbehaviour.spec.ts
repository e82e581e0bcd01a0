import { expect, test } from "./support/fixtures";

import { SIGNICAT_LAB_CLIENT, TEST_PORTS } from "./support/env";
import { MITID } from "./support/mitid";
import { clientLabPortal, REFUSED_MODES, refusalTests } from "./support/misbehaviour";

/**
 * Every way the Signicat sandbox can answer wrongly, against a portal that is Signicat's second
 * client (so the main portal's MitID tests keep logging in normally). Each must end on its
 * specific page, with no session. A plain MitID login is the quickest way through the screens.
 */
test.describe.configure({ mode: "serial" });

test.describe("the portal refuses every bad answer from Signicat", () => {
  const lab = clientLabPortal("signicat", TEST_PORTS.signicatLabPortal, SIGNICAT_LAB_CLIENT);

  refusalTests(lab, {
    name: "MitID login",
    provider: "Signicat",
    modes: REFUSED_MODES,
    async login({ mitidChoices, mitidScreens }) {
      await mitidChoices.on(lab.url).plain();
      await mitidScreens.logIn(MITID.peter.userId);
    },
    async expectLoggedIn({ page }) {
      await expect(page).toHaveURL(`${lab.url}/account`);
      await expect(page.getByTestId("mitid-name")).toHaveText(MITID.peter.name);
      await expect(page.getByTestId("mitid-uuid")).toHaveText(MITID.peter.uuid);
    },
  });
});
