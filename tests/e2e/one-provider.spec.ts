/**
 * A deployment with one provider contract: SANDBOX=off and only that provider's variables,
 * pointed at a local OpenID provider of our own (the sandbox, reached as a real service would be,
 * over loopback http with ALLOW_LOOPBACK_HTTP_ISSUERS=on). The portal starts, offers that
 * provider only, and logs in with it.
 */
import { expect, test } from "./support/kit-test";
import { SANDBOX_URL, TEST_PORTS } from "./support/env";
import { PERSONAS } from "./support/personas";
import { startPortal } from "./support/portal-process";

test.use({ kit: { sandboxUrl: SANDBOX_URL } });
// One port for the four portals, each started and stopped in turn.
test.describe.configure({ mode: "serial" });

const PORT = TEST_PORTS.oneProviderPortal;
const OFF = { SANDBOX: "off", ALLOW_LOOPBACK_HTTP_ISSUERS: "on" };

/** What each provider's login page shows, by test id or accessible name. */
const CHOICES = {
  digidentity: (page: import("@playwright/test").Page) => page.getByTestId("login-digidentity"),
  signicat: (page: import("@playwright/test").Page) => page.getByTestId("login-mitid"),
  idtoken: (page: import("@playwright/test").Page) => page.getByRole("link", { name: "Log in with IDToken" }),
  idura: (page: import("@playwright/test").Page) =>
    page.getByRole("link", { name: "Swedish BankID QR code on this page" }),
} as const;

function expectOnly(page: import("@playwright/test").Page, only: keyof typeof CHOICES) {
  return Promise.all(
    Object.entries(CHOICES).map(([key, locate]) =>
      key === only ? expect(locate(page)).toBeVisible() : expect(locate(page)).toHaveCount(0),
    ),
  );
}

test("only Digidentity: its web login works, the others are not offered", async ({ page, loginAs }) => {
  const portal = await startPortal(PORT, {
    ...OFF,
    DIGIDENTITY_ISSUER: `${SANDBOX_URL}/digidentity`,
    DIGIDENTITY_CLIENT_ID: "rmi-portal-demo",
    DIGIDENTITY_CLIENT_SECRET: "sandbox-digidentity-secret",
    DIGIDENTITY_PRODUCT_SCOPE: "sandbox0product1",
  });
  try {
    await page.goto(`${portal.url}/login`);
    await expectOnly(page, "digidentity");
    expect((await page.request.get(`${portal.url}/login/bankid`)).status()).toBe(404);
    await loginAs({ provider: "digidentity", persona: "ioe" });
    await expect(page.getByTestId("uid-ioeuid")).toHaveText(PERSONAS.ioe.uids.ioeuid);
    // The call-centre page is Idura's: this deployment has none.
    await expect(page.getByRole("link", { name: /Call centre/ })).toHaveCount(0);
  } finally {
    await portal.stop();
  }
});

test("only Signicat: MitID works, the others are not offered", async ({ page, loginAs }) => {
  const portal = await startPortal(PORT, {
    ...OFF,
    SIGNICAT_ISSUER: `${SANDBOX_URL}/signicat/auth/open`,
    SIGNICAT_CLIENT_ID: "rmi-portal-signicat",
    SIGNICAT_CLIENT_SECRET: "sandbox-signicat-secret",
  });
  try {
    await page.goto(`${portal.url}/login`);
    await expectOnly(page, "signicat");
    const status = await page.request.post(`${portal.url}/api/digidentity-qr/start`, { data: {} });
    expect(status.status()).toBe(404);
    expect((await status.json()).error).toBe("provider_not_enabled");
    await loginAs({ provider: "signicat", userId: "peter.hansen" });
    await expect(page.getByTestId("mitid-name")).toHaveText("Peter Hansen");
  } finally {
    await portal.stop();
  }
});

test("only IDToken: its login works, the others are not offered", async ({ page, loginAs }) => {
  const portal = await startPortal(PORT, {
    ...OFF,
    IDTOKEN_OPERATOR_URL: `${SANDBOX_URL}/idtoken`,
    IDTOKEN_SERVICE_ID: "rmi-portal-demo",
  });
  try {
    await page.goto(`${portal.url}/login`);
    await expectOnly(page, "idtoken");
    // Sofia, the holder left to the kit (packages/test-kit/src/index.ts): idtoken.spec resets
    // Marie's sessions at this same service and shows her latest request on its phone page.
    await loginAs({ provider: "idtoken", tokenId: "IDT-SOFIA-ROSSI" });
    await expect(page.getByTestId("idtoken-name")).toHaveText("Sofia Rossi");
  } finally {
    await portal.stop();
  }
});

test("only Idura: BankID works, the others are not offered", async ({ page, loginAs }) => {
  const portal = await startPortal(PORT, {
    ...OFF,
    IDURA_ISSUER: `${SANDBOX_URL}/idura`,
    IDURA_CLIENT_ID: "rmi-portal-idura",
    IDURA_CLIENT_SECRET: "sandbox-idura-secret",
    // With the sandbox off nobody is a call-centre agent unless listed: Astrid is, here.
    CALL_CENTRE_AGENTS: "idura:{5e6f7a8b-1111-4c2d-9e3f-123456789abc}",
  });
  try {
    await page.goto(`${portal.url}/login`);
    await expectOnly(page, "idura");
    await loginAs({ provider: "idura", persona: "astrid" });
    await expect(page.getByTestId("eid-name")).toHaveText("Astrid Lindqvist");
    await expect(page.getByRole("link", { name: /Call centre/ })).toBeVisible();
  } finally {
    await portal.stop();
  }
});
