import type { Sandbox } from "../kit";
import { expect, test } from "./support/fixtures";
import type { AccountPage, LoginPage, QrPage } from "./support/pages";
import { PERSONAS } from "./support/personas";

async function applicationTokensIssued(sandbox: Sandbox): Promise<number> {
  const issued = await sandbox.issued("digidentity");
  return issued.filter((i) => i.kind === "application_token").length;
}

type QrLogin = { loginPage: LoginPage; qrPage: QrPage; accountPage: AccountPage; sandbox: Sandbox };

/** A QR login whose phone approval comes from the sandbox's control endpoint. */
async function qrLoginAs({ loginPage, qrPage, accountPage, sandbox }: QrLogin, persona: "ioe" | "rsse") {
  await loginPage.goto();
  await loginPage.startQrLogin();
  const url = await qrPage.scan();
  await sandbox.digidentity.approveQr(url, persona);
  await accountPage.expectUids(PERSONAS[persona].uids);
}

// Counts the application tokens the whole portal process asked for, so no other test may run beside it.
test.describe.configure({ mode: "serial" });

test.describe("Digidentity identity verification report", () => {
  test("after a QR login the report is shown, with its document photo", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    sandbox,
  }) => {
    await qrLoginAs({ loginPage, qrPage, accountPage, sandbox }, "ioe");
    await page.getByRole("link", { name: "View your identity verification report" }).click();
    await expect(page.getByRole("heading", { name: "Identity verification report" })).toBeVisible();
    await expect(page.getByTestId("report-name")).toHaveText("Ingrid Maria Oever");
    await expect(page.getByTestId("report-dob")).toHaveText("March 14, 1986");
    await expect(page.getByTestId("report-document-type")).toHaveText("Passport");
    await expect(page.getByTestId("report-document-number")).toHaveText("SPECI2014");
    await expect(page.getByTestId("report-check-face_match")).toHaveText("Passed");
    await expect(page.getByTestId("report-check-document_authenticity")).toHaveText("Passed");
    const photo = page.getByRole("img", { name: "Document photo" });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  });

  test("the application token is requested once and reused for the next person's report", async ({
    page,
    loginPage,
    qrPage,
    accountPage,
    sandbox,
  }) => {
    const before = await applicationTokensIssued(sandbox);
    expect(before).toBeGreaterThanOrEqual(1);
    await qrLoginAs({ loginPage, qrPage, accountPage, sandbox }, "rsse");
    await page.getByRole("link", { name: "View your identity verification report" }).click();
    await expect(page.getByTestId("report-name")).toHaveText("Ruben Smit");
    await expect(page.getByTestId("report-document-type")).toHaveText("Identity card");
    expect(await applicationTokensIssued(sandbox)).toBe(before);
  });

  test("a web login has no report link, and the photo route refuses without a QR login", async ({
    page,
    loginPage,
    accountPage,
  }) => {
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("report-link")).toHaveCount(0);
    const photo = await page.request.get("/api/digidentity/report/photo");
    expect(photo.status()).toBe(404);
    expect(await photo.json()).toMatchObject({ error: "no_report" });
  });

  test("the photo route refuses when nobody is signed in", async ({ request }) => {
    const res = await request.get("/api/digidentity/report/photo");
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: "not_signed_in" });
  });
});
