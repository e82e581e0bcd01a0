/**
 * A worked example of the test kit (tests/kit), as a team would use it against its own
 * deployment: here against this repository's test portal and sandbox.
 */
import { decodeQr, expect, test } from "../kit";
import { SANDBOX_URL } from "./support/env";

test.use({ kit: { sandboxUrl: SANDBOX_URL } });

test("log in with the Digidentity app, approved from the test", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "digidentity-qr", persona: "rsse" });
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("uid-rsseuid")).toHaveText("NL/EXAMPLECAB/9876543210D");
});

test("log in on the Digidentity website as the IOE persona", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "digidentity", persona: "ioe" });
  await expect(page.getByTestId("uid-ioeuid")).toHaveText("NL/EXAMPLECAB/1234567890B");
});

test("log in with MitID", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "signicat", userId: "peter.hansen" });
  await expect(page.getByTestId("mitid-name")).toHaveText("Peter Hansen");
});

test("a declined QR login, from the test", async ({ page, sandbox }) => {
  await page.goto("/login/qr");
  const qr = page.getByRole("img", { name: /QR code/ });
  await expect(qr).toBeVisible();
  await sandbox.digidentity.declineQr(await decodeQr(qr));
  await expect(page.getByRole("heading", { name: "The login was declined in the app" })).toBeVisible();
});
