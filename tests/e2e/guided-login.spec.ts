/**
 * The login page as a guide: this deployment's SERMI eID first, the other eIDs grouped by scheme
 * and named once, the two routes to MitID explained, phones offered what works on the phone
 * itself first; and every login button says it is working from the moment it is pressed.
 */
import { devices, type Locator, type Page, type Route } from "@playwright/test";

import { expect, test } from "./support/fixtures";

/** Whether `first` comes before `second` in the page (reading and tab order). */
async function comesBefore(first: Locator, second: Locator): Promise<boolean> {
  const other = await second.elementHandle();
  return first.evaluate(
    (a, b) => (a.compareDocumentPosition(b as Node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    other,
  );
}

test.describe("on a computer", () => {
  test("the SERMI eID leads, the app first; the others follow in named groups", async ({ page }) => {
    await page.goto("/login");
    const groups = page.locator("section[data-testid^=login-group-]");
    await expect(groups).toHaveCount(4);
    expect(await groups.evaluateAll((all) => all.map((g) => g.getAttribute("data-testid")))).toEqual([
      "login-group-sermi",
      "login-group-dk-mitid",
      "login-group-bankid",
      "login-group-other",
    ]);
    await expect(page.getByRole("region", { name: "Your SERMI eID: Digidentity" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([
      "Your SERMI eID: Digidentity",
      "Danish MitID",
      "Swedish and Norwegian BankID",
      "Other eIDs",
    ]);
    const sermi = page.getByTestId("login-group-sermi");
    expect(
      await comesBefore(
        sermi.getByRole("link", { name: "Log in with QR code" }),
        sermi.getByRole("button", { name: "Log in with Digidentity" }),
      ),
    ).toBe(true);
  });

  test("MitID: one name for the business eID, and why one would pick each route", async ({ page }) => {
    await page.goto("/login");
    const mitid = page.getByTestId("login-group-dk-mitid");
    await expect(mitid).toContainText("This portal reaches MitID through two services.");
    await expect(mitid.getByRole("heading", { level: 3 })).toHaveText(["Through Signicat", "Through Idura"]);
    await expect(mitid.getByRole("region", { name: "Through Signicat" })).toContainText(
      "to match your CPR number, to act for a company",
    );
    await expect(
      mitid.getByRole("button", { name: "Log in with MitID Business", exact: true }),
    ).toBeVisible();
    await expect(
      mitid.getByRole("button", { name: "Log in with MitID Business via Idura", exact: true }),
    ).toBeVisible();
    // The same eID is never called by two names on one page.
    await expect(page.getByText(/Erhverv/)).toHaveCount(0);
  });
});

test.describe("on a phone", () => {
  const { defaultBrowserType: _unused, ...iPhone } = devices["iPhone 13"];
  void _unused;
  test.use({ ...iPhone, locale: "en-GB" });

  test("the website first and the app on this phone; BankID on this device before any QR code", async ({
    page,
  }) => {
    await page.goto("/login");
    await expect(page.locator("[data-device]")).toHaveAttribute("data-device", "phone");
    const sermi = page.getByTestId("login-group-sermi");
    const appLink = sermi.getByRole("link", { name: "Log in with the Digidentity app" });
    await expect(appLink).toHaveAttribute("data-testid", "login-qr");
    expect(await comesBefore(sermi.getByRole("button", { name: "Log in with Digidentity" }), appLink)).toBe(
      true,
    );
    await expect(sermi.getByText(/QR code/)).toHaveCount(0);

    const bankid = page.getByTestId("login-group-bankid");
    expect(
      await comesBefore(
        bankid.getByRole("button", { name: "Log in with Swedish BankID on this device via Idura" }),
        bankid.getByRole("link", { name: "Swedish BankID QR code on this page" }),
      ),
    ).toBe(true);
  });
});

/**
 * Holds the requests a test names until it lets them go, so what the page shows while it waits
 * is looked at without a timing window.
 */
async function hold(page: Page, match: (route: Route) => boolean) {
  const held: Route[] = [];
  let arrived: () => void = () => {};
  const first = new Promise<void>((resolve) => (arrived = resolve));
  let released = false;
  await page.route("**/*", (route) => {
    if (released || !match(route)) return route.fallback();
    held.push(route);
    arrived();
  });
  return {
    arrived: first,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
    },
  };
}

const serverAction = (route: Route) =>
  route.request().method() === "POST" && route.request().headers()["next-action"] !== undefined;

test.describe("a pressed login button says it is working", () => {
  for (const [what, locate, next] of [
    [
      "Digidentity",
      (page: Page) => page.getByRole("button", { name: "Log in with Digidentity" }),
      /\/digidentity\//,
    ],
    ["MitID through Signicat", (page: Page) => page.getByTestId("login-mitid"), /\/signicat\//],
    [
      "Swedish BankID through Idura",
      (page: Page) =>
        page.getByRole("button", { name: "Log in with Swedish BankID on this device via Idura" }),
      /\/idura\//,
    ],
  ] as const) {
    test(`${what}: disabled and busy until the provider's page opens`, async ({ page }) => {
      await page.goto("/login");
      const pending = await hold(page, serverAction);
      const button = locate(page);
      await button.click();
      await pending.arrived;
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute("aria-busy", "true");
      await expect(button.getByTestId("button-pending")).toBeVisible();
      // The label stays its accessible name.
      await expect(page.locator("[aria-busy=true]")).toHaveCount(1);
      await pending.release();
      await expect(page).toHaveURL(next);
    });
  }

  test("a login that continues on its own page: the link shows it is loading", async ({ page }) => {
    await page.goto("/login");
    const pending = await hold(
      page,
      (route) =>
        new URL(route.request().url()).pathname === "/login/idtoken" &&
        route.request().headers()["next-router-prefetch"] === undefined &&
        route.request().headers()["rsc"] === "1",
    );
    const link = page.getByRole("link", { name: "Log in with IDToken" });
    await link.click();
    await pending.arrived;
    await expect(link.getByTestId("button-pending")).toBeVisible();
    await pending.release();
    await expect(page).toHaveURL(/\/login\/idtoken$/);
  });
});

test.describe("in Danish", () => {
  test.use({ locale: "da-DK" });

  test("MitID Erhverv is called by its Danish name on both routes, and nothing else", async ({ page }) => {
    await page.goto("/login");
    const mitid = page.getByTestId("login-group-dk-mitid");
    await expect(mitid.getByRole("heading", { level: 2 })).toHaveText("Dansk MitID");
    await expect(mitid.getByRole("button", { name: "Log ind med MitID Erhverv", exact: true })).toBeVisible();
    await expect(mitid.getByRole("button", { name: "Log ind med MitID Erhverv via Idura" })).toBeVisible();
    await expect(page.getByText(/MitID Business/)).toHaveCount(0);
  });
});
