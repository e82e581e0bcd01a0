/**
 * A worked example of the test kit, as a team would use it against its own deployment of the
 * portal and the sandbox (run it with the playwright.config.ts beside it).
 */
import { CALL_CENTRE_AGENT, decodeQr, expect, outcomeTimeout, test } from "@sermi-rmi-portal/test-kit";

test.use({ kit: { sandboxUrl: process.env.KIT_SANDBOX_URL ?? "http://localhost:4000" } });

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

test("a declined QR login, from the test", async ({ page, sandbox }) => {
  await page.goto("/login/qr");
  const qr = page.getByRole("img", { name: /QR code/ });
  await expect(qr).toBeVisible();
  await sandbox.digidentity.declineQr(await decodeQr(qr));
  await expect(page.getByRole("heading", { name: "The login was declined in the app" })).toBeVisible();
});

test("log in with MitID", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "signicat", userId: "peter.hansen" });
  await expect(page.getByTestId("mitid-name")).toHaveText("Peter Hansen");
});

test("log in with MitID and match the CPR, typed at MitID", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "signicat-cpr", userId: "peter.hansen" });
  await expect(page.getByTestId("cpr-masked")).toHaveText("280554-****");
});

test("log in with MitID Business, as one of two business identities", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "signicat-business", userId: "erik.hansen", identity: "Nordhavn Cykler I/S" });
  await expect(page.getByTestId("org-name")).toHaveText("Nordhavn Cykler I/S");
  await expect(page.getByTestId("org-cvr")).toHaveText("45678901");
});

// Signicat's eID Hub (the default platform) takes no CVR prefill: the company is chosen at MitID.
test("act for a company chosen at MitID (Private for Business)", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "signicat-company", userId: "helle.jensen", company: "Jensen Holding ApS" });
  await expect(page.getByTestId("org-name")).toHaveText("Jensen Holding ApS");
});

test("log in with IDToken, sharing only the name, approved from the test", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "idtoken", tokenId: "IDT-SOFIA-ROSSI", scopes: ["identity:name"] });
  await expect(page.getByTestId("idtoken-name")).toHaveText("Sofia Rossi");
  await expect(page.getByTestId("idtoken-scopes")).toHaveText("name");
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
  await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
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

test("a call-centre agent verifies a caller (CIBA), approved from the test", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs(CALL_CENTRE_AGENT);
  await page.getByRole("link", { name: "Call centre: verify a caller with BankID" }).click();
  await loginAs({ provider: "idura-ciba", persona: "astrid" });
  await expect(page.getByTestId("ciba-customer-name")).toHaveText("Astrid Lindqvist");
});

test("the call-centre page is only for agents: anyone else is told so", async ({ page, loginAs }) => {
  await page.goto("/login");
  await loginAs({ provider: "digidentity", persona: "ioe" });
  await expect(page.getByRole("link", { name: "Call centre: verify a caller with BankID" })).toHaveCount(0);
  await page.goto("/agent/verify");
  await expect(page.getByRole("heading", { name: "This page is for call-centre agents" })).toBeVisible();
  await expect(page.getByLabel("Caller's national identity number")).toHaveCount(0);
});

test("CIBA when Idura asks to slow down: the wait follows the new interval", async ({
  page,
  loginAs,
  sandbox,
}) => {
  await page.goto("/login");
  await loginAs(CALL_CENTRE_AGENT);
  await page.goto("/agent/verify");
  await page.getByLabel("Caller's national identity number").fill("199004152381");
  await page.getByRole("button", { name: "Send request to the caller's phone" }).click();
  const binding = (await page.getByTestId("ciba-binding-message").textContent()) ?? "";
  const interval = page.getByTestId("ciba-interval");
  await expect(interval).toHaveText(/^\d+$/);
  const before = Number(await interval.textContent());
  // Idura now wants polls 5 s further apart; the portal hears it at its next poll (slow_down).
  await sandbox.idura.slowDownCiba(binding);
  await expect(interval).toHaveText(String(before + 5), { timeout: outcomeTimeout(before * 1000) });
  await sandbox.idura.approveCiba(binding);
  await expect(page.getByTestId("ciba-approved")).toBeVisible({
    timeout: outcomeTimeout((before + 5) * 1000),
  });
});
