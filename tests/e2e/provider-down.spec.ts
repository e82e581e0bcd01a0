import { expect, test } from "./support/fixtures";
import { createServer, type Server } from "node:http";

import { TEST_PORTS } from "./support/env";
import { expectLoginError } from "./support/pages";
import { startPortal } from "./support/portal-process";

/**
 * A second portal whose Digidentity issuer is a port this test controls: first nothing listens
 * there (unreachable), then a server answers garbage. Real processes, real HTTP.
 */
const PORTAL_PORT = TEST_PORTS.portal2;
const ISSUER_PORT = TEST_PORTS.deadProvider;
const PORTAL = `http://localhost:${PORTAL_PORT}`;

test.describe.configure({ mode: "serial" });

test.describe("provider unreachable or answering garbage", () => {
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  let garbage: Server | undefined;

  test.beforeAll(async () => {
    portal = await startPortal(PORTAL_PORT, { SANDBOX_URL: `http://127.0.0.1:${ISSUER_PORT}` });
  });

  test.afterAll(async () => {
    await portal?.stop();
    await new Promise<void>((resolve) => garbage?.close(() => resolve()) ?? resolve());
  });

  test("web login with Digidentity down: a page that says it could not be reached", async ({
    page,
    loginPage,
  }) => {
    await page.goto(`${PORTAL}/login`);
    await loginPage.startWebLogin();
    await expectLoginError(page, "provider_unreachable", "We could not reach the identity provider");
  });

  test("QR login with Digidentity down: the QR page says so and offers to retry", async ({ page }) => {
    await page.goto(`${PORTAL}/login/qr`);
    await expect(page.getByRole("heading", { name: "We could not get a QR code" })).toBeVisible();
    await expect(page.getByText("Digidentity could not be reached. Try again in a moment.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Get a new QR code" })).toBeVisible();
  });

  test("Digidentity answering garbage: a page that says the answer was not understood", async ({
    page,
    loginPage,
  }) => {
    garbage = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Service temporarily unavailable</body></html>");
    });
    await new Promise<void>((resolve) => garbage!.listen(ISSUER_PORT, "127.0.0.1", resolve));

    await page.goto(`${PORTAL}/login`);
    await loginPage.startWebLogin();
    await expectLoginError(page, "provider_error", "The identity provider answered something unexpected");

    await page.goto(`${PORTAL}/login/qr`);
    await expect(
      page.getByText("Digidentity answered something unexpected. Try again in a moment."),
    ).toBeVisible();
  });
});
