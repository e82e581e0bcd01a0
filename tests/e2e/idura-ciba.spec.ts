import { decodeQr, IDURA_PERSONAS } from "../kit";
import { IDURA_ISSUER, SANDBOX_URL, TEST_PORTS } from "./support/env";
import { expect, test, type Page } from "./support/fixtures";

import { AgentVerifyPage } from "./support/pages";
import { startPortal } from "./support/portal-process";
import { PERSONAS } from "./support/personas";
import { sandboxFor } from "./support/sandbox";

/** Astrid Lindqvist's (sandbox) personnummer: it must never show up in a URL. */
const ASTRID_SSN = IDURA_PERSONAS.astrid.nationalId;
/** Her `sub` at the sandbox's Idura (sandbox/idura/personas.ts). */
const ASTRID_SUB = "{5e6f7a8b-1111-4c2d-9e3f-123456789abc}";

async function agentAsks(agent: AgentVerifyPage, nationalId: string) {
  await agent.signIn();
  await agent.ask(nationalId);
  return agent;
}

async function agentStartsVerification(agent: AgentVerifyPage): Promise<string> {
  return (await agentAsks(agent, ASTRID_SSN)).bindingMessage();
}

/** The caller's BankID app, answering the request whose binding message the page shows. */
const callerApp = (page: Page) => sandboxFor(page.request).idura;

test.describe("Idura CIBA: a call-centre agent verifies a caller", () => {
  test("the caller approves: the agent sees the verified name, and the number never appears in a URL", async ({
    page,
    agentVerifyPage,
  }) => {
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    const binding = await agentStartsVerification(agentVerifyPage);
    await expect(page.getByTestId("ciba-interval")).toHaveText("1");
    await callerApp(page).approveCiba(binding);
    await expect(page.getByRole("heading", { name: "Identity confirmed" })).toBeVisible();
    await expect(page.getByTestId("ciba-customer-name")).toHaveText("Astrid Lindqvist");
    // Swedish BankID tokens carry no date of birth (docs/providers/idura.md), so none is shown.
    await expect(page.getByTestId("ciba-customer-birthdate")).toHaveCount(0);
    expect(urls.filter((u) => u.includes(ASTRID_SSN))).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "idura-ciba")).toBeUndefined();
  });

  test("the caller declines", async ({ page, agentVerifyPage }) => {
    const binding = await agentStartsVerification(agentVerifyPage);
    await callerApp(page).denyCiba(binding);
    await expect(page.getByRole("heading", { name: "The caller declined" })).toBeVisible();
  });

  test("the request expires", async ({ page, agentVerifyPage }) => {
    const binding = await agentStartsVerification(agentVerifyPage);
    await callerApp(page).expireCiba(binding);
    await expect(page.getByRole("heading", { name: "The request expired" })).toBeVisible();
  });

  test("Idura says slow_down: the portal polls 5 s further apart and still gets the answer", async ({
    page,
    agentVerifyPage,
  }) => {
    const binding = await agentStartsVerification(agentVerifyPage);
    await expect(page.getByTestId("ciba-interval")).toHaveText("1");
    await callerApp(page).slowDownCiba(binding);
    await expect(page.getByTestId("ciba-waiting")).toContainText("Idura asked us to slow down");
    await expect(page.getByTestId("ciba-interval")).toHaveText("6");
    await callerApp(page).approveCiba(binding);
    await expect(page.getByTestId("ciba-customer-name")).toHaveText("Astrid Lindqvist", { timeout: 15_000 });
  });

  test("an unknown number is refused with a plain message", async ({ page, agentVerifyPage }) => {
    await agentAsks(agentVerifyPage, "199912319999");
    await expect(page.getByTestId("ciba-error")).toHaveText(
      "No one with this number can be asked through this eID. Check the number.",
    );
  });
});

test.describe("the call-centre page is only for agents", () => {
  test("a mechanic sees no call-centre link, and the page refuses them in plain words", async ({
    page,
    loginPage,
    accountPage,
  }) => {
    await loginPage.logInWithDigidentity(PERSONAS.ioe.label);
    await accountPage.expectLoaded();
    await expect(page.getByRole("link", { name: "Call centre: verify a caller with BankID" })).toHaveCount(0);

    await page.goto("/agent/verify");
    const refused = page.getByTestId("agent-refused");
    await expect(refused.getByRole("heading", { level: 1 })).toHaveText(
      "This page is for call-centre agents",
    );
    await expect(refused).toContainText("not as one of this portal's call-centre agents");
    await expect(page.getByLabel("Caller's national identity number")).toHaveCount(0);
    await page.getByRole("link", { name: "Back to your account" }).click();
    await accountPage.expectLoaded();
  });

  test("the agent (CALL_CENTRE_AGENTS' sandbox default) is offered the page from her account", async ({
    page,
    agentVerifyPage,
  }) => {
    await agentVerifyPage.signIn();
    await expect(page.getByLabel("Caller's national identity number")).toBeVisible();
  });

  test("signed out, the page sends the browser to the login page", async ({ page }) => {
    await page.goto("/agent/verify");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe("Idura CIBA with Norwegian BankID: the agent reads Idura's word pair", () => {
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  test.beforeAll(async () => {
    portal = await startPortal(TEST_PORTS.iduraCibaNoPortal, {
      SANDBOX_URL,
      IDURA_CIBA_ACR: "urn:grn:authn:no:bankid",
      IDURA_HEADLESS_POLL_SECONDS: "1",
      // This portal's agent is Astrid (her sandbox `sub`), not the default one: she logs in with
      // BankID on the portal's own page, a login that needs no registered redirect URI.
      CALL_CENTRE_AGENTS: `idura:${ASTRID_SUB}`,
    });
  });
  test.afterAll(() => portal?.stop());

  test("no binding message of ours: the page shows Idura's words, the caller picks them, the agent sees who", async ({
    page,
    accountPage,
    agentVerifyPage,
  }) => {
    const url = portal?.url ?? "";
    await page.goto(`${url}/login/bankid`);
    const qr = page.getByRole("img", { name: "BankID QR code" });
    const approved = await page.request.post(`${IDURA_ISSUER}/control/headless/approve`, {
      data: { qr_data: await decodeQr(qr), persona: "astrid" },
    });
    expect(approved.ok()).toBeTruthy();
    await accountPage.expectLoaded();

    await agentVerifyPage.open();
    await agentVerifyPage.ask(IDURA_PERSONAS.ola.nationalId);
    await expect(page.getByText("Read these two words to the caller.")).toBeVisible();
    const binding = page.getByTestId("ciba-binding-message");
    await expect(binding).toHaveText(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    const words = (await binding.textContent()) ?? "";
    await callerApp(page).approveCiba(words);
    await expect(page.getByRole("heading", { name: "Identity confirmed" })).toBeVisible();
    await expect(page.getByTestId("ciba-customer-name")).toHaveText("Ola Nordmann");
    await expect(page.getByTestId("ciba-customer-birthdate")).toHaveText("January 1, 1970");
  });
});
