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

test("log in with IDToken, sharing only the name, approved from the test", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "idtoken", tokenId: "IDT-SOFIA-ROSSI", scopes: ["identity:name"] });
  await expect(page.getByTestId("idtoken-name")).toHaveText("Sofia Rossi");
  await expect(page.getByTestId("idtoken-scopes")).toHaveText("identity:name");
  await expect(page.getByTestId("idtoken-date-of-birth")).toHaveCount(0);
});

test("a rejected IDToken login, from the test", async ({ page, sandbox }) => {
  await page.goto("/login/idtoken");
  await page.getByLabel("Token ID", { exact: true }).fill("IDT-SOFIA-ROSSI");
  await page.getByRole("button", { name: "Send login request" }).click();
  const otp = page.getByTestId("idtoken-otp");
  await expect(otp).toHaveText(/^\d{6}$/);
  await sandbox.idtoken.reject("IDT-SOFIA-ROSSI", { otp: (await otp.textContent()) ?? "" });
  await expect(page.getByTestId("idtoken-ended")).toHaveAttribute("data-reason", "idtoken_rejected");
});

test("log in with MitID Erhverv through Idura", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "idura", persona: "jens" });
  await expect(page.getByTestId("eid-name")).toHaveText("Jens Hansen");
  await expect(page.getByTestId("eid-company")).toHaveText("Hansen Autoværksted ApS");
});

test("log in with the Swedish BankID QR code, approved from the test", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "idura-bankid" });
  await expect(page.getByTestId("login-provider")).toHaveText("Swedish BankID (QR code)");
  await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
});

test("a call-centre agent verifies a caller (CIBA), approved from the test", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "digidentity", persona: "ioe" });
  await page.getByRole("link", { name: "Call centre: verify a caller with BankID" }).click();
  await expect(page.getByRole("heading", { name: "Verify a caller" })).toBeVisible();
  await loginAs({ provider: "idura-ciba", persona: "astrid" });
  await expect(page.getByTestId("ciba-customer-name")).toHaveText("Astrid Lindqvist");
});

test("a BankID login cancelled in the app, from the test", async ({ page, sandbox }) => {
  await page.goto("/login/bankid");
  const qr = page.getByRole("img", { name: "BankID QR code" });
  await expect(qr).toBeVisible();
  await sandbox.idura.cancelBankId(await decodeQr(qr));
  await expect(
    page.getByRole("heading", { name: "The login was cancelled in the BankID app" }),
  ).toBeVisible();
});
