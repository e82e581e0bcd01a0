import { IDURA_PERSONAS } from "../kit";

import { expect, test } from "./support/fixtures";

/**
 * The portal's buttons are forms with server actions, which work before the page's scripts have
 * run: a click that comes before hydration posts the form as a browser would without scripts.
 * Such a post carries the page's Origin only under the portal's Referrer-Policy (SECURITY.md,
 * "Tokens, cookies and headers"); under `no-referrer` it was `Origin: null`, which Next.js
 * refuses with a bare 500. Without JavaScript, every step here is such a post.
 */
test.use({ javaScriptEnabled: false });

test("without JavaScript: a login button, the language switcher and signing out work", async ({
  page,
  loginPage,
  iduraLoginForm,
}) => {
  await loginPage.goto();
  await page.getByRole("button", { name: "Log in with Norwegian BankID via Idura", exact: true }).click();
  await iduraLoginForm.logIn("Norwegian BankID", IDURA_PERSONAS.ola.label);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

  await page.getByRole("button", { name: "Nederlands", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("button", { name: "Nederlands", exact: true })).toHaveAttribute(
    "aria-current",
    "true",
  );

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(
    page.getByRole("button", { name: "Log in with Norwegian BankID via Idura", exact: true }),
  ).toBeVisible();
});
