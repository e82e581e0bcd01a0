/**
 * Test kit: Playwright fixtures for teams testing their own deployment of this portal against
 * the sandbox. Log in as any sandbox persona through each provider, and approve a pending QR
 * login from the test itself, without a second device.
 *
 *   import { test, expect } from "<this repo>/tests/kit";
 *   test.use({ kit: { sandboxUrl: "http://localhost:4000" } });
 *   test("…", async ({ page, loginAs }) => {
 *     await page.goto("http://localhost:3000/login");
 *     await loginAs({ provider: "digidentity-qr", persona: "ioe" });
 *   });
 *
 * It drives the portal only through its documented contract (accessible names and test ids,
 * listed in the README) and the sandbox only through its control endpoints.
 */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";

export { expect };

export type KitOptions = {
  /** Where the sandbox is, as the test machine reaches it. */
  sandboxUrl: string;
};

/** Digidentity sandbox personas (PIN 12345). */
export const DIGIDENTITY_PERSONAS = {
  ioe: "Ingrid Oever — IOE",
  rsse: "Ruben Smit — RSSE with chain authorisation",
  revoked: "Victor de Vries — authorisation revoked",
  "rsse-once": "Sanne Bakker — RSSE, single-use chain authorisation",
} as const;
export type DigidentityPersona = keyof typeof DIGIDENTITY_PERSONAS;

/** Signicat MitID sandbox users (app PIN 123456). */
export const MITID_USERS = [
  "peter.hansen",
  "lars.nielsen",
  "erik.hansen",
  "helle.jensen",
  "mette.berg.erhverv",
] as const;

export type LoginRequest =
  | { provider: "digidentity"; persona: DigidentityPersona }
  | { provider: "digidentity-qr"; persona: DigidentityPersona }
  | { provider: "signicat"; userId: (typeof MITID_USERS)[number] };

/** Read a QR code from the pixels on screen, as a phone camera would. */
export async function decodeQr(locator: Locator): Promise<string> {
  const png = PNG.sync.read(await locator.screenshot());
  const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  const result = jsQR(data, png.width, png.height);
  if (!result) throw new Error("No QR code could be decoded from the rendered image");
  return result.data;
}

/** The sandbox's control endpoints (they exist only in the sandbox). */
export class Sandbox {
  constructor(
    private readonly request: APIRequestContext,
    readonly url: string,
  ) {}

  private async post(path: string, data: unknown = {}) {
    const res = await this.request.post(`${this.url}${path}`, { data });
    expect(res.ok(), `${path} answered ${res.status()}: ${await res.text()}`).toBeTruthy();
    return (await res.json()) as Record<string, unknown>;
  }

  /** The QR id is the last path segment of the phone-app URL the QR encodes. */
  static qrId(qrCodeUri: string): string {
    return new URL(qrCodeUri).pathname.split("/").at(-1) ?? "";
  }

  readonly digidentity = {
    approveQr: (qrCodeUri: string, persona: DigidentityPersona = "ioe") =>
      this.post(`/digidentity/control/qr/${Sandbox.qrId(qrCodeUri)}/approve`, { persona }),
    declineQr: (qrCodeUri: string) => this.post(`/digidentity/control/qr/${Sandbox.qrId(qrCodeUri)}/decline`),
    expireQr: (qrCodeUri: string) => this.post(`/digidentity/control/qr/${Sandbox.qrId(qrCodeUri)}/expire`),
    /** Renews the single-use chain authorisations. */
    reset: () => this.post("/digidentity/control/reset"),
    misbehave: (clientId: string, mode: string) =>
      this.post("/digidentity/control/misbehaviour", { client_id: clientId, mode }),
  };
}

/**
 * Logs in through the portal's login page (the page must be on it, or on /login/qr for QR).
 * Ends on the portal's account page, or wherever the portal sends a refused login.
 */
async function loginAs(page: Page, sandbox: Sandbox, who: LoginRequest): Promise<void> {
  if (!/\/login(\/qr)?$/.test(new URL(page.url()).pathname)) {
    throw new Error(`loginAs starts on the portal's login page, not on ${page.url()}`);
  }
  switch (who.provider) {
    case "digidentity": {
      await page.getByRole("button", { name: "Log in with Digidentity" }).click();
      await expect(page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
      await page.getByLabel(DIGIDENTITY_PERSONAS[who.persona]).check();
      await page.getByLabel("PIN", { exact: true }).fill("12345");
      await page.getByRole("button", { name: "Log in" }).click();
      return;
    }
    case "digidentity-qr": {
      if (!page.url().endsWith("/login/qr"))
        await page.getByRole("link", { name: "Log in with QR code" }).click();
      const qr = page.getByRole("img", { name: /QR code/ });
      await expect(qr).toBeVisible();
      await sandbox.digidentity.approveQr(await decodeQr(qr), who.persona);
      return;
    }
    case "signicat": {
      await page.getByRole("button", { name: "Log in with MitID", exact: true }).click();
      await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
      await page.getByLabel("User ID").fill(who.userId);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "MitID app" }).click();
      await page.getByLabel("PIN").fill("123456");
      await page.getByRole("button", { name: "Approve with PIN" }).click();
      return;
    }
  }
}

export const test = base.extend<{
  kit: KitOptions;
  sandbox: Sandbox;
  loginAs: (who: LoginRequest) => Promise<void>;
}>({
  kit: [{ sandboxUrl: process.env.KIT_SANDBOX_URL ?? "http://localhost:4000" }, { option: true }],
  sandbox: async ({ request, kit }, provide) => {
    await provide(new Sandbox(request, kit.sandboxUrl.replace(/\/+$/, "")));
  },
  loginAs: async ({ page, sandbox }, provide) => {
    await provide((who) => loginAs(page, sandbox, who));
  },
});
