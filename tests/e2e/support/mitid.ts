import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

import { MITID_CREDENTIALS, MITID_PERSONAS } from "../../kit";
import { PORTAL_LOG_FILE } from "./env";

/**
 * The sandbox's MitID users (sandbox/signicat/personas.ts) as the tests need them: names, CPR
 * numbers and credentials from the kit's MITID_PERSONAS and MITID_CREDENTIALS, with what only
 * these tests need (UUIDs, the masked CPR). The CPR numbers are made up; tests prove they never
 * reach a URL or the portal's log.
 */
export const MITID = {
  peter: {
    userId: "peter.hansen",
    name: MITID_PERSONAS["peter.hansen"].name,
    uuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e01",
    cpr: MITID_PERSONAS["peter.hansen"].cpr,
    masked: "280554-****",
  },
  lars: { userId: "lars.nielsen", name: MITID_PERSONAS["lars.nielsen"].name },
  erik: { userId: "erik.hansen", name: MITID_PERSONAS["erik.hansen"].name },
  helle: {
    userId: "helle.jensen",
    name: MITID_PERSONAS["helle.jensen"].name,
    cpr: MITID_PERSONAS["helle.jensen"].cpr,
    masked: "120370-****",
  },
  mette: { userId: "mette.berg.erhverv", name: MITID_PERSONAS["mette.berg.erhverv"].name },
  /** Name and address protection: Signicat gives no name for her. */
  sofie: { userId: "sofie.skov", uuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e06" },
  credentials: MITID_CREDENTIALS,
} as const;

/** The portal's four MitID choices on /login. */
export class PortalMitidChoices {
  /** `portalUrl`: another portal than the main one (a lab portal), or the main one by default. */
  constructor(
    private readonly page: Page,
    private readonly portalUrl = "",
  ) {}
  /** The same choices on another portal (a lab portal). */
  on(portalUrl: string) {
    return new PortalMitidChoices(this.page, portalUrl);
  }
  async goto() {
    await this.page.goto(`${this.portalUrl}/login`);
    await expect(this.page.getByRole("heading", { name: "Danish MitID" })).toBeVisible();
  }
  async plain() {
    await this.goto();
    await this.page.getByRole("button", { name: "Log in with MitID", exact: true }).click();
  }
  async withCprMatch(cpr?: string) {
    await this.goto();
    if (cpr) await this.page.getByLabel("CPR number (optional)").fill(cpr);
    await this.page.getByRole("button", { name: "Log in with MitID and match my CPR" }).click();
  }
  async business() {
    await this.goto();
    await this.page.getByRole("button", { name: "Log in with MitID Business", exact: true }).click();
  }
  async actForCompany(cvr?: string) {
    await this.goto();
    if (cvr) await this.page.getByLabel("CVR number (optional)").fill(cvr);
    await this.page.getByRole("button", { name: "Act for a company" }).click();
  }
}

/** The sandbox's MitID screens (the broker's pages, as a person sees them). */
export class MitidScreens {
  constructor(private readonly page: Page) {}
  async userId(userId: string) {
    await expect(this.page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
    await this.page.getByLabel("User ID").fill(userId);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }
  async approveWithPin(pin: string = MITID.credentials.appPin) {
    await this.page.getByRole("button", { name: "MitID app" }).click();
    await this.page.getByLabel("PIN").fill(pin);
    await this.page.getByRole("button", { name: "Approve with PIN" }).click();
  }
  async approveWithBiometrics() {
    await this.page.getByRole("button", { name: "MitID app" }).click();
    await this.page.getByRole("button", { name: "Approve with biometrics" }).click();
  }
  async codeDisplay(password: string, otp: string) {
    await this.page.getByRole("button", { name: "MitID code display" }).click();
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Continue" }).click();
    await expect(
      this.page.getByRole("heading", { name: "Enter the code from your code display" }),
    ).toBeVisible();
    await this.page.getByLabel("One-time code").fill(otp);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }
  /** User ID, then the MitID app with the PIN: level SUBSTANTIAL. */
  async logIn(userId: string) {
    await this.userId(userId);
    await this.approveWithPin();
  }
  async expectCprPrompt() {
    await expect(this.page.getByRole("heading", { name: "Confirm your CPR number" })).toBeVisible();
  }
  async typeCpr(cpr: string, options: { remember?: boolean } = {}) {
    await this.expectCprPrompt();
    await this.page.getByLabel("CPR number", { exact: true }).fill(cpr);
    if (options.remember) await this.page.getByLabel("Remember my CPR number").check();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }
  async pick(name: string) {
    await this.page.getByLabel(name).check();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }
  async cancel() {
    await this.page.getByRole("button", { name: "Cancel" }).click();
  }
}

/** Every URL the browser asked for in this context, redirects included. */
export function recordRequestUrls(page: Page): string[] {
  const urls: string[] = [];
  page.context().on("request", (request) => urls.push(request.url()));
  return urls;
}

/** No CPR in any form (with or without the dash) in a visited URL or in the portal's log. */
export function expectNoCprLeak(urls: readonly string[], cpr: string) {
  const forms = [cpr, `${cpr.slice(0, 6)}-${cpr.slice(6)}`];
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const decoded = decodeURIComponent(url);
    for (const form of forms) expect(decoded, `a visited URL carries the CPR`).not.toContain(form);
  }
  const log = readFileSync(PORTAL_LOG_FILE, "utf8");
  expect(log.length, "the portal log is captured").toBeGreaterThan(0);
  for (const form of forms) expect(log.includes(form), "the portal log carries the CPR").toBe(false);
}
