import { expect, test } from "./support/fixtures";

import { expectNoCprLeak, MITID, recordRequestUrls } from "./support/mitid";
import { expectLoginError } from "./support/pages";
import { sandboxFor } from "./support/sandbox";

const { peter, helle } = MITID;

test.describe("Signicat MitID: CPR matching", () => {
  test("plain MitID login: name, MitID UUID and levels, no CPR asked", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.plain();
    await mitidScreens.logIn(peter.userId);

    await accountPage.expectLoaded();
    await expect(page.getByTestId("login-provider")).toHaveText("MitID (Signicat)");
    await expect(page.getByTestId("mitid-name")).toHaveText(peter.name);
    await expect(page.getByTestId("mitid-uuid")).toHaveText(peter.uuid);
    await expect(page.getByTestId("mitid-loa")).toHaveText("Substantial");
    await expect(page.getByTestId("mitid-ial")).toHaveText("High");
    await expect(page.getByTestId("mitid-aal")).toHaveText("Substantial");
    // A login that never asked for a CPR match says nothing about one.
    await expect(page.getByTestId("cpr-masked")).toHaveCount(0);
  });

  test("CPR matched at the first try, shown masked", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    const urls = recordRequestUrls(page);
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(peter.userId);
    await mitidScreens.typeCpr("280554-2112");

    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-masked")).toHaveText(peter.masked);
    await expect(page.getByTestId("cpr-source")).toHaveText("Typed by you at MitID");
    await expect(page.getByTestId("login-provider")).toHaveText("MitID with CPR match (Signicat)");
    await expect(page.getByText(peter.cpr)).toHaveCount(0);
    const session = await (await page.request.get("/api/auth/session")).text();
    expect(session).not.toContain(peter.cpr);
    expectNoCprLeak(urls, peter.cpr);
  });

  test("two misses show the attempts left, the third try matches", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    const urls = recordRequestUrls(page);
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(peter.userId);
    await mitidScreens.typeCpr("280554-0000");
    await expect(page.getByRole("alert")).toHaveText(
      "The CPR number does not match your MitID. You have 2 attempts left.",
    );
    await mitidScreens.typeCpr("2805541111");
    await expect(page.getByRole("alert")).toHaveText(
      "The CPR number does not match your MitID. You have 1 attempt left.",
    );
    await mitidScreens.typeCpr(peter.cpr);

    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-masked")).toHaveText(peter.masked);
    expectNoCprLeak(urls, peter.cpr);
  });

  test("three misses end the login on a page that says so", async ({ page, mitidChoices, mitidScreens }) => {
    const urls = recordRequestUrls(page);
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(peter.userId);
    for (const wrong of ["0101011111", "0202022222", "0303033333"]) await mitidScreens.typeCpr(wrong);

    // The eID Hub documents no code for this; it comes back as a plain access_denied.
    await expectLoginError(page, "access_denied", "Signicat did not grant access");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login$/);
    expectNoCprLeak(urls, peter.cpr);
  });

  test("a user whose CPR lookup fails cannot match any number", async ({
    page,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(MITID.lars.userId);
    await mitidScreens.typeCpr("1402611234");
    await expect(page.getByRole("alert")).toContainText("You have 2 attempts left.");
    await mitidScreens.typeCpr("1402611234");
    await mitidScreens.typeCpr("1402611234");
    await expectLoginError(page, "access_denied", "Signicat did not grant access");
  });

  test("the eID Hub has no CPR prefill: the card says so, and the request object is signed and encrypted", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    const urls = recordRequestUrls(page);
    await mitidChoices.goto();
    await expect(page.getByLabel("CPR number (optional)")).toHaveCount(0);
    await expect(
      page.getByText("Signicat asks you for it after MitID; it cannot be typed here."),
    ).toBeVisible();
    await mitidChoices.withCprMatch();
    await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    const authorize = new URL(urls.find((u) => u.includes("/signicat/auth/open/connect/authorize"))!);
    expect(authorize.searchParams.get("acr_values")).toBe("idp:mitid");
    expect(authorize.searchParams.get("request")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    await mitidScreens.logIn(peter.userId);
    await mitidScreens.typeCpr(peter.cpr);

    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-masked")).toHaveText(peter.masked);
    expectNoCprLeak(urls, peter.cpr);
  });

  test.describe("a careless client", () => {
    // This test itself writes the CPR into a URL (as a careless client would), so its URLs are
    // kept out of the audit that proves the portal never does.
    test.use({ auditVisitedUrls: false });

    test("a CPR in a plain URL login_hint is ignored by the broker", async ({
      page,
      mitidChoices,
      mitidScreens,
    }) => {
      // Build the authorize URL by hand, as a careless client would: the broker must prompt.
      await mitidChoices.withCprMatch();
      await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
      const url = new URL(page.url());
      await page.goto("about:blank");
      // By hand means without the portal's request object (whose jti is single-use anyway).
      url.searchParams.delete("request");
      url.searchParams.set("login_hint", `subject-${peter.cpr}`);
      await page.goto(url.toString());
      await mitidScreens.logIn(peter.userId);
      await mitidScreens.expectCprPrompt();
    });
  });

  test("a dedicated business identity cannot CPR-match", async ({ page, mitidChoices, mitidScreens }) => {
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(MITID.mette.userId);
    await expectLoginError(page, "access_denied", "Signicat did not grant access");
  });
});

test.describe("Signicat MitID: name and address protection", () => {
  test("a user MitID gives no name for logs in, and the portal says the name is protected", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    await mitidChoices.plain();
    await mitidScreens.logIn(MITID.sofie.userId);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("mitid-name")).toHaveText("Not given (name and address protection)");
    await expect(page.getByTestId("mitid-uuid")).toHaveText(MITID.sofie.uuid);
  });
});

test.describe("Signicat MitID: remember my CPR", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ request }) => {
    await sandboxFor(request).signicat.forgetCpr(helle.userId);
  });

  test("remembered at the first login, matched from Signicat's store at the next with no prompt", async ({
    page,
    accountPage,
    mitidChoices,
    mitidScreens,
  }) => {
    const urls = recordRequestUrls(page);
    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(helle.userId);
    await mitidScreens.typeCpr(helle.cpr, { remember: true });
    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-source")).toHaveText("Typed by you at MitID");
    await accountPage.signOut();

    await mitidChoices.withCprMatch();
    await mitidScreens.logIn(helle.userId);
    await accountPage.expectLoaded();
    await expect(page.getByTestId("cpr-masked")).toHaveText(helle.masked);
    await expect(page.getByTestId("cpr-source")).toHaveText("Remembered by Signicat from an earlier login");
    expect(urls.some((u) => u.includes("/connect/authorize"))).toBe(true);
    expectNoCprLeak(urls, helle.cpr);
  });
});
