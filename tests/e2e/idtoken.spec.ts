import { expect, test, type Browser, type Page } from "./support/fixtures";
import { generateKeyPair, SignJWT } from "jose";

import { IDTOKEN_OPERATOR } from "./support/env";
import { expectTranslatedPage, LanguageSwitcher } from "./support/languages";
import { AccountPage, IdTokenLoginPage, IdTokenPhone } from "./support/pages";
import { sandboxFor } from "./support/sandbox";

const MARIE = "IDT-MARIE-DUPONT";

/** The phone's push inbox for one token id: its own context with a phone viewport. */
async function phoneFor(browser: Browser, tokenId: string): Promise<{ phone: IdTokenPhone; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`${IDTOKEN_OPERATOR}/app/${tokenId}`);
  await expect(page.getByRole("heading", { name: "IDToken app (sandbox)" })).toBeVisible();
  return { phone: new IdTokenPhone(page), page };
}

async function startLogin(page: Page, tokenId = MARIE, remember = false) {
  const login = new IdTokenLoginPage(page);
  await login.goto();
  const { socketUrl } = await login.startSession(tokenId, { remember });
  return { login, socketUrl };
}

// The phone page shows the token's latest request: these tests share the sandbox on purpose.
test.describe.configure({ mode: "serial" });

test.describe("IDToken login", () => {
  test.beforeEach(async ({ request }) => {
    // Only this file's token ids at this portal's service: other files' IDToken logins
    // (IDT-ANNA-KOWALSKA, the misbehaviour spec's lab service) run alongside.
    for (const tokenId of [MARIE, "IDT-LUKAS-JANSEN"]) {
      await sandboxFor(request).idtoken.reset(tokenId, "rmi-portal-demo");
    }
  });

  test("same code on both screens, approve on the phone: the account shows the granted claims", async ({
    page,
    browser,
  }) => {
    const { login } = await startLogin(page, MARIE, true);
    const { phone, page: phonePage } = await phoneFor(browser, MARIE);
    await expect(phone.otp()).toHaveText((await login.otp().textContent()) ?? "");
    await phone.approve();
    await expect(phonePage.getByRole("heading", { name: "Login approved" })).toBeVisible();

    const account = new AccountPage(page);
    await account.expectLoaded();
    await expect(page.getByTestId("login-provider")).toHaveText("IDToken");
    await expect(page.getByTestId("idtoken-subject")).toHaveText(MARIE);
    await expect(page.getByTestId("idtoken-name")).toHaveText("Marie Dupont");
    await expect(page.getByTestId("idtoken-date-of-birth")).toHaveText("March 14, 1990");
    await expect(page.getByTestId("idtoken-age-over-18")).toHaveText("Yes");
    // identity:basic is a composite: it brought the trust level along with the name.
    await expect(page.getByTestId("idtoken-trust-level")).toHaveText("High");
    await expect(page.getByTestId("idtoken-scopes")).toHaveText(
      "name, date of birth, whether you are over 18, and trust level",
    );
    await expect(page.getByTestId("idtoken-scopes").locator("[data-scopes]")).toHaveAttribute(
      "data-scopes",
      "identity:name identity:date_of_birth identity:age_over_18 identity:trust_level",
    );
    await expect(page.getByTestId("idtoken-nationality")).toHaveCount(0);

    // The token id was remembered for this browser.
    await account.signOut();
    const again = new IdTokenLoginPage(page);
    await again.goto();
    await expect(again.tokenIdField()).toHaveValue(MARIE);
    await phonePage.context().close();
  });

  test("the holder grants only a subset: only those claims arrive", async ({ page, browser }) => {
    await startLogin(page, "IDT-LUKAS-JANSEN");
    const { phone, page: phonePage } = await phoneFor(browser, "IDT-LUKAS-JANSEN");
    // The phone names the service by its display name, not its service id.
    await expect(phonePage.getByText("Example Motors RMI portal asks you to log in.")).toBeVisible();
    await phone.withhold("Your date of birth (identity:date_of_birth)");
    await phone.withhold("How well your identity was verified (identity:trust_level)");
    await phone.approve();

    await new AccountPage(page).expectLoaded();
    await expect(page.getByTestId("idtoken-name")).toHaveText("Lukas Jansen");
    await expect(page.getByTestId("idtoken-age-over-18")).toHaveText("No");
    await expect(page.getByTestId("idtoken-scopes")).toHaveText("name and whether you are over 18");
    await expect(page.getByTestId("idtoken-date-of-birth")).toHaveCount(0);
    await expect(page.getByTestId("idtoken-trust-level")).toHaveCount(0);
    await phonePage.context().close();
  });

  test("rejected on the phone: the desktop says so and nobody is logged in", async ({ page, browser }) => {
    const { login } = await startLogin(page);
    const { phone, page: phonePage } = await phoneFor(browser, MARIE);
    await phone.reject();
    await expect(phonePage.getByRole("heading", { name: "Login rejected" })).toBeVisible();
    await login.expectEnded("idtoken_rejected", "You rejected the login in the IDToken app");
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
    await phonePage.context().close();
  });

  test("three wrong checks on the phone: too many attempts", async ({ page, browser }) => {
    const { login } = await startLogin(page);
    const { phone, page: phonePage } = await phoneFor(browser, MARIE);
    await phone.approve("00000");
    await expect(phonePage.getByRole("alert")).toHaveText("Wrong PIN. 2 attempts left.");
    await phone.approve("00000");
    await expect(phonePage.getByRole("alert")).toHaveText("Wrong PIN. 1 attempt left.");
    await phone.approve("00000");
    await expect(phonePage.getByRole("heading", { name: "Too many attempts" })).toBeVisible();
    await login.expectEnded("idtoken_too_many_attempts", "Too many failed attempts");
    await phonePage.context().close();
  });

  test("the code expires: the desktop says so, and a new request works", async ({ page, request }) => {
    const { login } = await startLogin(page);
    await sandboxFor(request).idtoken.expire(MARIE);
    await login.expectEnded("idtoken_expired", "The one-time code has expired");
    await page.getByRole("button", { name: "Start again" }).click();
    await login.start(MARIE);
    await expect(login.otp()).toHaveText(/^\d{6}$/);
  });

  test("a WebSocket with the wrong token is closed with 4001 and does not disturb the login", async ({
    page,
    browser,
  }) => {
    const { socketUrl } = await startLogin(page);
    const forged = new URL(socketUrl);
    forged.searchParams.set("token", "not-the-ws-token");
    const unknown = new URL(socketUrl);
    unknown.pathname = unknown.pathname.replace(/[^/]+$/, "no-such-session");
    const closeCode = (url: string) =>
      page.evaluate(
        (u) =>
          new Promise<number>((resolve) => {
            const ws = new WebSocket(u);
            ws.onclose = (event) => resolve(event.code);
          }),
        url,
      );
    expect(await closeCode(forged.toString())).toBe(4001);
    expect(await closeCode(unknown.toString())).toBe(4004);

    const { phone, page: phonePage } = await phoneFor(browser, MARIE);
    await phone.approve();
    await new AccountPage(page).expectLoaded();
    await phonePage.context().close();
  });

  test("a forged JWT posted to the portal is refused and signs nobody in", async ({ page }) => {
    const { socketUrl } = await startLogin(page);
    const sessionId = new URL(socketUrl).pathname.split("/").at(-1) ?? "";
    // Every claim right, signed with a key that is not the operator's.
    const { privateKey } = await generateKeyPair("ES256");
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({
      sid: sessionId,
      scope: "identity:name",
      idtoken: { tokenId: MARIE, givenName: "Mallory", familyName: "Forger" },
    })
      .setProtectedHeader({ alg: "ES256", kid: "forged" })
      .setIssuer(IDTOKEN_OPERATOR)
      .setAudience("rmi-portal-demo")
      .setSubject(MARIE)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(privateKey);

    const res = await page.request.post("/api/idtoken/complete", { data: { jwt } });
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: "jwt_invalid" });
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });

  test("each documented rejection reason has its own words", async ({ page, request }) => {
    const cases = [
      { reason: "Invalid OTP", id: "idtoken_invalid_otp", title: "The one-time code did not match" },
      {
        reason: "Invalid signature",
        id: "idtoken_invalid_signature",
        title: "Your phone's approval could not be verified",
      },
      { reason: "Too many attempts", id: "idtoken_too_many_attempts", title: "Too many failed attempts" },
    ];
    for (const { reason, id, title } of cases) {
      const { login } = await startLogin(page);
      await sandboxFor(request).idtoken.reject(MARIE, {
        otp: (await login.otp().textContent()) ?? "",
        reason,
      });
      await login.expectEnded(id, title);
    }
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });

  test("an approved JWT is no key to another pending login", async ({ page, browser, request }) => {
    // Marie logs in; the operator's JWT is then taken from the sandbox's issued list.
    const { login } = await startLogin(page);
    await sandboxFor(request).idtoken.approve(MARIE, { otp: (await login.otp().textContent()) ?? "" });
    await new AccountPage(page).expectLoaded();
    const issued = await sandboxFor(request).issued("idtoken");
    const jwt = issued.filter((i) => i.kind === "jwt").at(-1)?.value ?? "";

    // Another browser starts a login for the same token id and brings that JWT, without and with
    // a made-up random: neither is this session's approval.
    const context = await browser.newContext();
    const other = await context.newPage();
    for (const body of [{ jwt }, { jwt, random: "a1b2c3d4e5f67890" }]) {
      await startLogin(other);
      const res = await other.request.post("/api/idtoken/complete", { data: body });
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ error: "jwt_invalid" });
    }
    expect(await (await other.request.get("/api/auth/session")).json()).toBeNull();
    await context.close();
  });

  test("an unknown token id is refused with a plain message", async ({ page }) => {
    const login = new IdTokenLoginPage(page);
    await login.goto();
    await login.start("IDT-NOBODY");
    await expect(page.getByTestId("idtoken-start-error")).toHaveText(
      "IDToken does not know this token ID. Check it and try again.",
    );
  });

  test("the account page and the refusal read in Dutch and Danish too", async ({ page, browser }) => {
    const { login } = await startLogin(page, MARIE);
    const { phone, page: phonePage } = await phoneFor(browser, MARIE);
    await expect(phone.otp()).toHaveText((await login.otp().textContent()) ?? "");
    await phone.approve();
    await new AccountPage(page).expectLoaded();
    await phonePage.context().close();

    const words = {
      nl: {
        account: "Uw account",
        role: "U bent ingelogd met IDToken. Het portaal ziet alleen wat u in de app hebt gekozen te delen.",
        dob: "14 maart 1990",
        yes: "Ja",
        unknownToken: "IDToken kent dit token-ID niet. Controleer het en probeer het opnieuw.",
      },
      da: {
        account: "Din konto",
        role: "Du er logget ind med IDToken. Portalen ser kun det, du valgte at dele i appen.",
        dob: "14. marts 1990",
        yes: "Ja",
        unknownToken: "IDToken kender ikke dette token-ID. Tjek det, og prøv igen.",
      },
    } as const;
    const switcher = new LanguageSwitcher(page);
    for (const language of ["nl", "da"] as const) {
      await switcher.choose(language);
      await expectTranslatedPage(page, language, words[language].account);
      await expect(page.getByTestId("account-role")).toHaveText(words[language].role);
      await expect(page.getByTestId("idtoken-date-of-birth")).toHaveText(words[language].dob);
      await expect(page.getByTestId("idtoken-age-over-18")).toHaveText(words[language].yes);
    }
    await page.getByRole("button", { name: "Log ud" }).click();
    await expect(page).toHaveURL(/\/login$/);

    // The portal's API words its answers in the page's language too.
    await page.goto("/login/idtoken");
    await page.getByLabel("Token-ID", { exact: true }).fill("IDT-NOBODY");
    await page.getByRole("button", { name: "Send loginanmodning" }).click();
    await expect(page.getByTestId("idtoken-start-error")).toHaveText(words.da.unknownToken);
  });
});
