import { expect, test } from "./support/fixtures";
import { generateKeyPair, SignJWT } from "jose";

import { IDTOKEN_OPERATOR, IDTOKEN_SERVICE } from "./support/env";
import { expectTranslatedPage } from "./support/languages";
import { IdTokenLoginPage } from "./support/pages";

const MARIE = "IDT-MARIE-DUPONT";

/** Starts a login on the portal's IDToken page; answers the operator's socket URL. */
async function startLogin(login: IdTokenLoginPage, tokenId = MARIE, remember = false) {
  await login.goto();
  const { socketUrl } = await login.startSession(tokenId, { remember });
  return socketUrl;
}

// The phone page shows the token's latest request: these tests share the sandbox on purpose.
test.describe.configure({ mode: "serial" });

test.describe("IDToken login", () => {
  test.beforeEach(async ({ sandbox }) => {
    // Only this file's token ids at this portal's service: other files' IDToken logins
    // (IDT-ANNA-KOWALSKA, the misbehaviour spec's lab service) run alongside.
    for (const tokenId of [MARIE, "IDT-LUKAS-JANSEN"]) {
      await sandbox.idtoken.reset(tokenId, IDTOKEN_SERVICE);
    }
  });

  test("same code on both screens, approve on the phone: the account shows the granted claims", async ({
    page,
    accountPage,
    idTokenLoginPage,
    idTokenPhone,
    phone,
  }) => {
    await startLogin(idTokenLoginPage, MARIE, true);
    await idTokenPhone.open(MARIE);
    await expect(idTokenPhone.otp()).toHaveText((await idTokenLoginPage.otp().textContent()) ?? "");
    await idTokenPhone.approve();
    await expect(phone.getByRole("heading", { name: "Login approved" })).toBeVisible();

    await accountPage.expectLoaded();
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
    await accountPage.signOut();
    await idTokenLoginPage.goto();
    await expect(idTokenLoginPage.tokenIdField()).toHaveValue(MARIE);
  });

  test("the holder grants only a subset: only those claims arrive", async ({
    page,
    accountPage,
    idTokenPhone,
    phone,
    idTokenLoginPage,
  }) => {
    await startLogin(idTokenLoginPage, "IDT-LUKAS-JANSEN");
    await idTokenPhone.open("IDT-LUKAS-JANSEN");
    // The phone names the service by its display name, not its service id.
    await expect(phone.getByText("Example Motors RMI portal asks you to log in.")).toBeVisible();
    await idTokenPhone.withhold("Your date of birth (identity:date_of_birth)");
    await idTokenPhone.withhold("How well your identity was verified (identity:trust_level)");
    await idTokenPhone.approve();

    await accountPage.expectLoaded();
    await expect(page.getByTestId("idtoken-name")).toHaveText("Lukas Jansen");
    await expect(page.getByTestId("idtoken-age-over-18")).toHaveText("No");
    await expect(page.getByTestId("idtoken-scopes")).toHaveText("name and whether you are over 18");
    await expect(page.getByTestId("idtoken-date-of-birth")).toHaveCount(0);
    await expect(page.getByTestId("idtoken-trust-level")).toHaveCount(0);
  });

  test("rejected on the phone: the desktop says so and nobody is logged in", async ({
    page,
    idTokenPhone,
    phone,
    idTokenLoginPage,
  }) => {
    await startLogin(idTokenLoginPage);
    await idTokenPhone.open(MARIE);
    await idTokenPhone.reject();
    await expect(phone.getByRole("heading", { name: "Login rejected" })).toBeVisible();
    await idTokenLoginPage.expectEnded("idtoken_rejected", "You rejected the login in the IDToken app");
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });

  test("three wrong checks on the phone: too many attempts", async ({
    idTokenPhone,
    phone,
    idTokenLoginPage,
  }) => {
    await startLogin(idTokenLoginPage);
    await idTokenPhone.open(MARIE);
    await idTokenPhone.approve("00000");
    await expect(phone.getByRole("alert")).toHaveText("Wrong PIN. 2 attempts left.");
    await idTokenPhone.approve("00000");
    await expect(phone.getByRole("alert")).toHaveText("Wrong PIN. 1 attempt left.");
    await idTokenPhone.approve("00000");
    await expect(phone.getByRole("heading", { name: "Too many attempts" })).toBeVisible();
    await idTokenLoginPage.expectEnded("idtoken_too_many_attempts", "Too many failed attempts");
  });

  test("the code expires: the desktop says so, and a new request works", async ({
    page,
    sandbox,
    idTokenLoginPage,
  }) => {
    await startLogin(idTokenLoginPage);
    await sandbox.idtoken.expire(MARIE);
    await idTokenLoginPage.expectEnded("idtoken_expired", "The one-time code has expired");
    await page.getByRole("button", { name: "Start again" }).click();
    await idTokenLoginPage.start(MARIE);
    await expect(idTokenLoginPage.otp()).toHaveText(/^\d{6}$/);
  });

  test("a WebSocket with the wrong token is closed with 4001 and does not disturb the login", async ({
    page,
    accountPage,
    idTokenPhone,
    idTokenLoginPage,
  }) => {
    const socketUrl = await startLogin(idTokenLoginPage);
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

    await idTokenPhone.open(MARIE);
    await idTokenPhone.approve();
    await accountPage.expectLoaded();
  });

  test("a forged JWT posted to the portal is refused and signs nobody in", async ({
    page,
    idTokenLoginPage,
  }) => {
    const socketUrl = await startLogin(idTokenLoginPage);
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

  test("each documented rejection reason has its own words", async ({ page, sandbox, idTokenLoginPage }) => {
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
      await startLogin(idTokenLoginPage);
      await sandbox.idtoken.reject(MARIE, {
        otp: (await idTokenLoginPage.otp().textContent()) ?? "",
        reason,
      });
      await idTokenLoginPage.expectEnded(id, title);
    }
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });

  test("an approved JWT is no key to another pending login", async ({
    browser,
    accountPage,
    sandbox,
    idTokenLoginPage,
  }) => {
    // Marie logs in; the operator's JWT is then taken from the sandbox's issued list.
    await startLogin(idTokenLoginPage);
    await sandbox.idtoken.approve(MARIE, { otp: (await idTokenLoginPage.otp().textContent()) ?? "" });
    await accountPage.expectLoaded();
    const issued = await sandbox.issued("idtoken");
    const jwt = issued.filter((i) => i.kind === "jwt").at(-1)?.value ?? "";

    // Another browser starts a login for the same token id and brings that JWT, without and with
    // a made-up random: neither is this session's approval.
    const context = await browser.newContext();
    const other = await context.newPage();
    for (const body of [{ jwt }, { jwt, random: "a1b2c3d4e5f67890" }]) {
      // Another browser's page: its own page object.
      await startLogin(new IdTokenLoginPage(other));
      const res = await other.request.post("/api/idtoken/complete", { data: body });
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ error: "jwt_invalid" });
    }
    expect(await (await other.request.get("/api/auth/session")).json()).toBeNull();
    await context.close();
  });

  test("an unknown token id is refused with a plain message", async ({ page, idTokenLoginPage }) => {
    await idTokenLoginPage.goto();
    await idTokenLoginPage.start("IDT-NOBODY");
    await expect(page.getByTestId("idtoken-start-error")).toHaveText(
      "IDToken does not know this token ID. Check it and try again.",
    );
  });

  test("the account page and the refusal read in Dutch and Danish too", async ({
    page,
    accountPage,
    languageSwitcher,
    idTokenPhone,
    idTokenLoginPage,
  }) => {
    await startLogin(idTokenLoginPage, MARIE);
    await idTokenPhone.open(MARIE);
    await expect(idTokenPhone.otp()).toHaveText((await idTokenLoginPage.otp().textContent()) ?? "");
    await idTokenPhone.approve();
    await accountPage.expectLoaded();

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
    for (const language of ["nl", "da"] as const) {
      await languageSwitcher.choose(language);
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
