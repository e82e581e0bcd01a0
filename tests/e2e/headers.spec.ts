import { IDURA_PERSONAS } from "../kit";
import { expect, test } from "./support/fixtures";

import { MITID } from "./support/mitid";

import { PERSONAS } from "./support/personas";

test.describe("security headers and cookies", () => {
  test("pages carry a fresh CSP nonce, and Next.js's scripts run under it", async ({
    page,
    loginPage,
    qrPage,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto("/login");
    const csp = first?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first?.headers()["referrer-policy"]).toBe("same-origin");
    expect(first?.headers()["x-content-type-options"]).toBe("nosniff");

    const second = await page.goto("/login");
    expect(second?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

    // The QR page is the most script-heavy: it must hydrate and work under the policy.
    await loginPage.goto();
    await loginPage.startQrLogin();
    await expect(qrPage.qrImage()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("route handlers answer with the same headers", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-security-policy"]).toContain("default-src 'self'");
  });

  test("the session cookie is httpOnly, SameSite=Lax, under 4 kB, and holds no token", async ({
    page,
    loginPage,
    accountPage,
  }) => {
    await loginPage.logInWithDigidentity(PERSONAS.rsse.label);
    await accountPage.expectLoaded();

    const cookies = await page.context().cookies();
    const session = cookies.filter((c) => c.name.includes("authjs.session-token"));
    expect(session).toHaveLength(1); // not split into chunks
    expect(session[0]!.httpOnly).toBe(true);
    expect(session[0]!.sameSite).toBe("Lax");
    expect(session[0]!.value.length).toBeLessThan(4096);
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

    // What the browser can read of the session: the identity it shows, and nothing to log in with.
    const body = JSON.stringify(await (await page.request.get("/api/auth/session")).json());
    expect(body).toContain(PERSONAS.rsse.uids.rsseuid);
    expect(body).not.toMatch(/access_token|id_token|refresh_token|eyJ/);
  });

  /** The largest identities other providers bring: a MitID Business login and MitID Erhverv. */
  for (const provider of ["signicat", "idura"] as const) {
    test(`the session cookie stays one cookie under 4 kB for a ${provider} business login`, async ({
      page,
      loginPage,
      accountPage,
      iduraLoginForm,
      mitidChoices,
      mitidScreens,
    }) => {
      if (provider === "signicat") {
        await mitidChoices.business();
        await mitidScreens.logIn(MITID.erik.userId);
        await mitidScreens.pick("Nordhavn Cykler I/S");
      } else {
        await loginPage.goto();
        await page.getByRole("button", { name: "Log in with MitID Business via Idura", exact: true }).click();
        await iduraLoginForm.logIn("MitID Erhverv", IDURA_PERSONAS.jens.label);
      }
      await accountPage.expectLoaded();
      const session = (await page.context().cookies()).filter((c) => c.name.includes("authjs.session-token"));
      expect(session).toHaveLength(1);
      expect(session[0]!.value.length).toBeLessThan(4096);
    });
  }
});
