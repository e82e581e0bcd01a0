import { readFileSync } from "node:fs";

import type { Page, Request } from "@playwright/test";

import { expect, test, type SuiteFixtures } from "./support/fixtures";

import { SANDBOX_URL, SIGNICAT_PARTNER, SIGNICAT_TRANSFER_CLIENT, TEST_PORTS } from "./support/env";
import { MITID, recordRequestUrls, type MitidScreens } from "./support/mitid";
import { expectAccessible } from "./support/axe";
import { startPortal } from "./support/portal-process";
import { expectLoginError } from "./support/pages";

/**
 * MitID Session Transfer both ways between a portal (Signicat Enterprise, the transfer client)
 * and the sandbox's partner service: with and without a Transfer Token Text, a wrong text, a
 * used code, an expired code and a late hand-over. After every hand-over the code and text are
 * in no visited URL and no line of the portal's log.
 */
// One portal for the file: its tests run in order in one worker (see signicat-enterprise.spec.ts).
test.describe.configure({ mode: "default" });

const port = TEST_PORTS.signicatTransferPortal;
const portalUrl = `http://localhost:${port}`;
const portalLog = `logs/e2e/portal-${port}.log`;
const partnerHandover = `${SANDBOX_URL}/signicat/partner/handover`;
const portalReceive = `${portalUrl}/api/signicat/transfer/receive`;
/** The partner service, twice: the portal sends a text to the first and none to the second. */
const PARTNERS = [
  { id: "nordic-parts", text: true },
  { id: "nordic-parts-plain", text: false },
].map((p) => ({
  ...p,
  name: p.text ? SIGNICAT_PARTNER.name : "Nordic Parts, no text (sandbox partner)",
  handoverUrl: partnerHandover,
  broker: "5c1d7e2a-9b64-4f0e-8a31-2d7c6b9e4f10",
  serviceProvider: "21acdf7c-36fb-441c-a9fe-242d53579ad6",
}));
let stop = () => {};

test.beforeAll(async () => {
  ({ stop } = await startPortal(port, {
    SANDBOX_URL,
    SIGNICAT_PLATFORM: "enterprise",
    SIGNICAT_ACR_VALUES: "urn:signicat:oidc:method:mitid",
    SIGNICAT_CLIENT_ID: SIGNICAT_TRANSFER_CLIENT.id,
    SIGNICAT_CLIENT_SECRET: SIGNICAT_TRANSFER_CLIENT.secret,
    SIGNICAT_TRANSFER_PARTNERS: JSON.stringify(PARTNERS),
  }));
});
test.afterAll(() => stop());

const { peter, lars } = MITID;

/** The fields of a hand-over form post, as the browser sent it. */
function handoverOf(request: Request) {
  const form = new URLSearchParams(request.postData() ?? "");
  return { code: form.get("transfer_token_exchange_code"), text: form.get("transfer_token_text") };
}

/** Waits for the hand-over post to `url` while `action` runs; answers its code and text. */
async function captureHandover(page: Page, url: string, action: () => Promise<void>) {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url() === url && r.method() === "POST"),
    action(),
  ]);
  return handoverOf(request);
}

/** The code and text are in no URL the browser visited and in no line of the portal's log. */
function expectNoLeak(urls: readonly string[], secrets: (string | null)[]) {
  const log = readFileSync(portalLog, "utf8");
  expect(urls.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    if (!secret) continue;
    for (const url of urls)
      expect(decodeURIComponent(url), "a URL carries the code or text").not.toContain(secret);
    expect(log.includes(secret), "the portal's log carries the code or text").toBe(false);
  }
}

type PortalLogin = Pick<SuiteFixtures, "mitidChoices" | "mitidScreens" | "accountPage">;

async function logInAtPortal({ mitidChoices, mitidScreens, accountPage }: PortalLogin, userId: string) {
  await mitidChoices.on(portalUrl).plain();
  await mitidScreens.logIn(userId);
  await accountPage.expectLoaded();
}

/** Account page → consent page → hand-over to the partner; answers the hand-over's fields. */
async function transferToPartner(page: Page, partnerName: string) {
  await page.getByRole("link", { name: `Continue to ${partnerName}` }).click();
  await expect(
    page.getByRole("heading", { name: `Share your MitID login with ${partnerName}?` }),
  ).toBeVisible();
  await expect(page.getByTestId("transfer-shared")).toContainText("Your MitID UUID");
  return captureHandover(page, partnerHandover, () =>
    page.getByRole("button", { name: `Share and continue to ${partnerName}` }).click(),
  );
}

async function logInAtPartner(page: Page, mitidScreens: MitidScreens, userId: string) {
  await page.goto(SIGNICAT_PARTNER.url);
  await page.getByRole("button", { name: "Log in with MitID at the partner" }).click();
  await mitidScreens.logIn(userId);
  await expect(page.getByRole("heading", { name: /^Signed in at the partner as / })).toBeVisible();
}

/** At the partner: hand over to the portal, with or without a text, in a test mode. */
async function transferToPortal(page: Page, options: { text: boolean; mode?: string }) {
  await page
    .getByLabel(options.text ? "Send a Transfer Token Text with the code" : "Send the code only")
    .check();
  await page.getByLabel("Hand-over (for tests)").selectOption(options.mode ?? "normal");
  return captureHandover(page, portalReceive, () =>
    page.getByRole("button", { name: "Continue to Example Motors RMI portal" }).click(),
  );
}

test("the new pages are accessible: account with partners, consent, partner, transferred account", async ({
  page,
  mitidChoices,
  mitidScreens,
  accountPage,
}) => {
  await logInAtPortal({ mitidChoices, mitidScreens, accountPage }, lars.userId);
  await expectAccessible(page, "the account page offering partners");
  await page.getByRole("link", { name: `Continue to ${PARTNERS[0]!.name}` }).click();
  await expect(page.getByRole("heading", { name: /^Share your MitID login with / })).toBeVisible();
  await expectAccessible(page, "the consent page");
  await page.getByRole("button", { name: `Share and continue to ${PARTNERS[0]!.name}` }).click();
  await expect(page.getByRole("heading", { name: `Signed in at the partner as ${lars.name}` })).toBeVisible();
  await expectAccessible(page, "the partner's page");
  await transferToPortal(page, { text: true });
  await expect(page.getByTestId("transferred-from")).toBeVisible();
  await expectAccessible(page, "the account page after a transfer");
});

test.describe("MitID Session Transfer: from the portal to the partner", () => {
  for (const partner of PARTNERS) {
    test(`${partner.text ? "with" : "without"} a Transfer Token Text: the partner logs him in at once`, async ({
      page,
      mitidChoices,
      mitidScreens,
      accountPage,
    }) => {
      const urls = recordRequestUrls(page);
      await logInAtPortal({ mitidChoices, mitidScreens, accountPage }, peter.userId);
      const handover = await transferToPartner(page, partner.name);
      expect(handover.code).toMatch(/^[0-9a-f-]{36}$/);
      if (partner.text) expect(handover.text).toMatch(/^[\w-]{20,}$/);
      else expect(handover.text).toBeNull();

      await expect(
        page.getByRole("heading", { name: `Signed in at the partner as ${peter.name}` }),
      ).toBeVisible();
      await expect(page.getByTestId("partner-transferred-from")).toContainText(
        "Transferred from Example Motors RMI portal",
      );
      await expect(page.getByTestId("partner-mitid-uuid")).toHaveText(peter.uuid);
      expectNoLeak(urls, [handover.code, handover.text]);
    });
  }

  test("the same code a second time: the partner is told it was used", async ({
    page,
    mitidChoices,
    mitidScreens,
    accountPage,
  }) => {
    const urls = recordRequestUrls(page);
    await logInAtPortal({ mitidChoices, mitidScreens, accountPage }, peter.userId);
    const handover = await transferToPartner(page, PARTNERS[0]!.name);
    await expect(page.getByTestId("partner-mitid-uuid")).toHaveText(peter.uuid);
    await page.getByRole("button", { name: "Redeem the last hand-over again (test)" }).click();
    await expect(page.getByRole("heading", { name: "The transfer code was already used" })).toBeVisible();
    expectNoLeak(urls, [handover.code, handover.text]);
  });

  test("a wrong text at the partner: the broker refuses, and the code is spent", async ({
    page,
    sandbox,
    mitidChoices,
    mitidScreens,
    accountPage,
  }) => {
    await logInAtPortal({ mitidChoices, mitidScreens, accountPage }, lars.userId);
    await sandbox.signicat.partnerSendsWrongTextNext();
    await transferToPartner(page, PARTNERS[0]!.name);
    await expect(page.getByRole("heading", { name: "The transfer text did not match" })).toBeVisible();
  });

  test("an expired code: the partner is told so", async ({
    page,
    sandbox,
    mitidChoices,
    mitidScreens,
    accountPage,
  }) => {
    await logInAtPortal({ mitidChoices, mitidScreens, accountPage }, lars.userId);
    await sandbox.signicat.transferCodeLifetime(SIGNICAT_TRANSFER_CLIENT.id, 0);
    try {
      await transferToPartner(page, PARTNERS[1]!.name);
      await expect(page.getByRole("heading", { name: "The transfer code has expired" })).toBeVisible();
    } finally {
      await sandbox.signicat.transferCodeLifetime(SIGNICAT_TRANSFER_CLIENT.id, null);
    }
  });
});

test.describe("MitID Session Transfer: from the partner to the portal", () => {
  for (const text of [true, false]) {
    test(`${text ? "with" : "without"} a Transfer Token Text: the account page says where he came from`, async ({
      page,
      accountPage,
      mitidScreens,
    }) => {
      const urls = recordRequestUrls(page);
      await logInAtPartner(page, mitidScreens, peter.userId);
      const handover = await transferToPortal(page, { text });
      if (text) expect(handover.text).toBeTruthy();
      else expect(handover.text).toBeNull();

      await accountPage.expectLoaded();
      await expect(page.getByTestId("mitid-uuid")).toHaveText(peter.uuid);
      await expect(page.getByTestId("mitid-name")).toHaveText(peter.name);
      await expect(page.getByTestId("transferred-from")).toHaveText(
        `Transferred from ${SIGNICAT_PARTNER.name}`,
      );
      expectNoLeak(urls, [handover.code, handover.text]);
    });
  }

  test("a wrong text: its own page, and no login", async ({ page, mitidScreens }) => {
    const urls = recordRequestUrls(page);
    await logInAtPartner(page, mitidScreens, lars.userId);
    const handover = await transferToPortal(page, { text: true, mode: "wrong-text" });
    await expectLoginError(page, "transfer_text_mismatch", "The transfer could not be checked");
    expectNoLeak(urls, [handover.code, handover.text]);
  });

  test("an expired code: its own page", async ({ page, mitidScreens }) => {
    await logInAtPartner(page, mitidScreens, lars.userId);
    await transferToPortal(page, { text: false, mode: "expired" });
    await expectLoginError(page, "transfer_code_expired", "The transfer has expired");
  });

  test("a used code: the second hand-over of the same code ends on its own page", async ({
    page,
    accountPage,
    mitidScreens,
  }) => {
    const urls = recordRequestUrls(page);
    await logInAtPartner(page, mitidScreens, peter.userId);
    const first = await transferToPortal(page, { text: true });
    await accountPage.expectLoaded();
    await page.goto(SIGNICAT_PARTNER.url);
    const again = await transferToPortal(page, { text: true, mode: "reuse" });
    expect(again.code).toBe(first.code);
    await expectLoginError(page, "transfer_code_used", "This transfer was already used");
    expectNoLeak(urls, [first.code, first.text]);
  });

  test("a hand-over that arrives late: its own page, and the code is not redeemed", async ({
    page,
    mitidScreens,
  }) => {
    await logInAtPartner(page, mitidScreens, lars.userId);
    await transferToPortal(page, { text: true, mode: "late" });
    await expectLoginError(page, "transfer_late", "The transfer arrived too late");
  });

  test("a hand-over from an unknown service is refused with a JSON error", async ({ request }) => {
    const res = await request.post(portalReceive, {
      form: {
        transfer_token_exchange_code: "00000000-0000-4000-8000-000000000000",
        sender: "someone-else",
        issued_at: String(Math.floor(Date.now() / 1000)),
      },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: "unknown_sender" });
  });
});
