/**
 * Test kit: Playwright fixtures for teams testing their own deployment of this portal against
 * the sandbox. Log in as any sandbox persona through each provider, and approve a pending QR,
 * one-time-code (IDToken), BankID or CIBA login from the test itself, without a second device.
 *
 *   import { test, expect } from "<this repo>/tests/kit";
 *   test.use({ kit: { sandboxUrl: "http://localhost:4000" } });
 *   test("…", async ({ page, loginAs }) => {
 *     await page.goto("http://localhost:3000/login");
 *     await loginAs({ provider: "digidentity-qr", persona: "ioe" });
 *   });
 *
 * It drives the portal only through its documented contract (accessible names and test ids,
 * listed in the README) and the sandbox only through its pages and control endpoints.
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

/**
 * IDToken sandbox holders (the phone-app PIN is 12345). This repository's own tests leave
 * IDT-SOFIA-ROSSI to the kit: no test opens her phone page or resets her sessions.
 */
export const IDTOKEN_HOLDERS = [
  "IDT-SOFIA-ROSSI",
  "IDT-ANNA-KOWALSKA",
  "IDT-MARIE-DUPONT",
  "IDT-LUKAS-JANSEN",
] as const;
export type IdTokenHolder = (typeof IDTOKEN_HOLDERS)[number];

/** Idura sandbox personas: the label on Idura's login page, their eID and national id (for CIBA). */
export const IDURA_PERSONAS = {
  karen: { label: "Karen Nielsen (MitID)", eid: "dk-mitid", nationalId: "0108821234" },
  jens: { label: "Jens Hansen (MitID Erhverv)", eid: "dk-mitid-business", nationalId: "2311751235" },
  astrid: { label: "Astrid Lindqvist (BankID)", eid: "se-bankid-same-device", nationalId: "199004152381" },
  ola: { label: "Ola Nordmann (BankID)", eid: "no-bankid", nationalId: "01017012345" },
} as const;
export type IduraPersona = keyof typeof IDURA_PERSONAS;

/** The Idura buttons on the portal's login page, by eID. */
export const IDURA_LOGIN_BUTTONS = {
  "dk-mitid": "Log in with MitID via Idura",
  "dk-mitid-business": "Log in with MitID Erhverv via Idura",
  "se-bankid-same-device": "Log in with Swedish BankID on this device via Idura",
  "se-bankid-another-device": "Log in with Swedish BankID on another device via Idura",
  "no-bankid": "Log in with Norwegian BankID via Idura",
} as const;
export type IduraEid = keyof typeof IDURA_LOGIN_BUTTONS;

export type LoginRequest =
  | { provider: "digidentity"; persona: DigidentityPersona }
  | { provider: "digidentity-qr"; persona: DigidentityPersona }
  | { provider: "signicat"; userId: (typeof MITID_USERS)[number] }
  /** Approved from the test; `scopes`: share only these (default: all the portal asked for). */
  | { provider: "idtoken"; tokenId: IdTokenHolder; scopes?: string[] }
  /** `eid` defaults to the persona's own (Astrid: Swedish BankID on this device). */
  | { provider: "idura"; persona: IduraPersona; eid?: IduraEid }
  /** The headless Swedish BankID QR page, approved from the test as Astrid. */
  | { provider: "idura-bankid"; persona?: "astrid" }
  /**
   * Not a login: a call-centre agent (already logged in, on /agent/verify) has a caller confirm
   * who they are; the test approves on the caller's behalf. Ends on "Identity confirmed". Ola
   * needs a portal whose IDURA_CIBA_ACR is Norwegian BankID (the default is Swedish).
   */
  | { provider: "idura-ciba"; persona: "astrid" | "ola" };

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

  /** The BankID QR code's request, named by what the QR code decodes to. */
  private bankId(action: "scan" | "approve" | "cancel" | "expire", qrData: string, persona?: string) {
    return this.post(`/idura/control/headless/${action}`, {
      qr_data: qrData,
      ...(persona ? { persona } : {}),
    });
  }

  private ciba(action: "approve" | "deny" | "expire" | "slow-down", bindingMessage: string) {
    return this.post(`/idura/control/ciba/${action}`, { binding_message: bindingMessage });
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

  readonly signicat = {
    /** PSD2 mode on or off for a client. */
    psd2: (clientId: string, psd2: boolean) =>
      this.post("/signicat/control/psd2", { client_id: clientId, psd2 }),
    forgetCpr: (userId?: string) =>
      this.post("/signicat/control/cpr-cache/forget", userId ? { user_id: userId } : {}),
    reset: () => this.post("/signicat/control/reset"),
    misbehave: (clientId: string, mode: string) =>
      this.post("/signicat/control/misbehaviour", { client_id: clientId, mode }),
  };

  /** Answers the token's latest pending request, as its holder would in the IDToken app. */
  readonly idtoken = {
    /** `otp`: the one-time code the portal shows, so the right request is answered when several wait. */
    approve: (tokenId: string, options: { otp?: string; scopes?: string[] } = {}) =>
      this.post(`/idtoken/control/tokens/${encodeURIComponent(tokenId)}/approve`, options),
    reject: (tokenId: string, options: { otp?: string } = {}) =>
      this.post(`/idtoken/control/tokens/${encodeURIComponent(tokenId)}/reject`, options),
    expire: (tokenId: string) => this.post(`/idtoken/control/tokens/${encodeURIComponent(tokenId)}/expire`),
    /** Drops that token's sessions (every session without a token id). */
    reset: (tokenId?: string) => this.post("/idtoken/control/reset", tokenId ? { token_id: tokenId } : {}),
  };

  readonly idura = {
    /** The BankID app scanned the QR code: the page asks the person to confirm in the app. */
    scanBankId: (qrData: string) => this.bankId("scan", qrData),
    approveBankId: (qrData: string, persona = "astrid") => this.bankId("approve", qrData, persona),
    cancelBankId: (qrData: string) => this.bankId("cancel", qrData),
    expireBankId: (qrData: string) => this.bankId("expire", qrData),
    /** The CIBA request whose binding message the agent's page shows. */
    approveCiba: (bindingMessage: string) => this.ciba("approve", bindingMessage),
    denyCiba: (bindingMessage: string) => this.ciba("deny", bindingMessage),
    expireCiba: (bindingMessage: string) => this.ciba("expire", bindingMessage),
    slowDownCiba: (bindingMessage: string) => this.ciba("slow-down", bindingMessage),
    reset: () => this.post("/idura/control/reset"),
  };
}

/**
 * Logs in through the portal's login page (the page must be on it, or on /login/qr for QR).
 * Ends on the portal's account page, or wherever the portal sends a refused login.
 */
async function loginAs(page: Page, sandbox: Sandbox, who: LoginRequest): Promise<void> {
  const path = new URL(page.url()).pathname;
  if (who.provider === "idura-ciba") {
    await expect(page, "idura-ciba starts on the portal's /agent/verify page").toHaveURL(/\/agent\/verify$/);
  } else if (!/\/login(\/qr|\/idtoken|\/bankid)?$/.test(path)) {
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
    case "idtoken": {
      if (!page.url().endsWith("/login/idtoken"))
        await page.getByRole("link", { name: "Log in with IDToken" }).click();
      await page.getByLabel("Token ID", { exact: true }).fill(who.tokenId);
      await page.getByRole("button", { name: "Send login request" }).click();
      // The one-time code is on screen: the request has reached the holder's app, which shows the same.
      const otp = page.getByTestId("idtoken-otp");
      await expect(otp).toHaveText(/^\d{6}$/);
      await sandbox.idtoken.approve(who.tokenId, {
        otp: (await otp.textContent()) ?? "",
        scopes: who.scopes,
      });
      return;
    }
    case "idura": {
      const persona = IDURA_PERSONAS[who.persona];
      await page.getByRole("button", { name: IDURA_LOGIN_BUTTONS[who.eid ?? persona.eid] }).click();
      await page.getByLabel(persona.label).check();
      await page.getByRole("button", { name: "Log in" }).click();
      return;
    }
    case "idura-bankid": {
      if (!page.url().endsWith("/login/bankid"))
        await page.getByRole("link", { name: "Swedish BankID QR code on this page" }).click();
      const qr = page.getByRole("img", { name: "BankID QR code" });
      await expect(qr).toBeVisible();
      await sandbox.idura.approveBankId(await decodeQr(qr), who.persona ?? "astrid");
      return;
    }
    case "idura-ciba": {
      await page.getByLabel("Caller's national identity number").fill(IDURA_PERSONAS[who.persona].nationalId);
      await page.getByRole("button", { name: "Send request to the caller's phone" }).click();
      const binding = page.getByTestId("ciba-binding-message");
      await expect(binding).not.toBeEmpty();
      await sandbox.idura.approveCiba((await binding.textContent()) ?? "");
      await expect(page.getByTestId("ciba-approved")).toBeVisible();
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
