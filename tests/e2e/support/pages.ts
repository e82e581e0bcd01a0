import { expect, type Page, type WebSocket } from "@playwright/test";

import { CALL_CENTRE_AGENT, IDURA_LOGIN_BUTTONS, IDURA_PERSONAS } from "../../kit";
import { DEMO_PIN, IDTOKEN_OPERATOR, IDTOKEN_SERVICE, IDURA_ISSUER } from "./env";
import { decodeQr } from "./qr";

/** Page objects: roles, labels and test ids only, never CSS paths or fixed sleeps. */

export class LoginPage {
  constructor(private readonly page: Page) {}
  /** `portalUrl`: another portal than the main one (a lab portal), or the main one by default. */
  async goto(portalUrl = "") {
    await this.page.goto(`${portalUrl}/login`);
    await expect(this.page.getByRole("heading", { name: "Log in to the RMI portal" })).toBeVisible();
  }
  async startWebLogin() {
    await this.page.getByRole("button", { name: "Log in with Digidentity" }).click();
  }
  async startQrLogin() {
    await this.page.getByRole("link", { name: "Log in with QR code" }).click();
  }
  /** The whole Digidentity web login from this page: `goto`, the button, then the sign-in form. */
  async logInWithDigidentity(personaLabel: string, options: { pin?: string; portalUrl?: string } = {}) {
    await this.goto(options.portalUrl);
    await this.startWebLogin();
    await new DigidentityForm(this.page).logIn(personaLabel, options.pin);
  }
}

/** Digidentity's sign-in page (the sandbox's, in tests) and its phone app page share a form. */
export class DigidentityForm {
  constructor(private readonly page: Page) {}
  async choose(personaLabel: string, pin: string = DEMO_PIN) {
    await this.page.getByLabel(personaLabel).check();
    await this.page.getByLabel("PIN", { exact: true }).fill(pin);
  }
  async logIn(personaLabel: string, pin?: string) {
    await expect(this.page.getByRole("heading", { name: "Log in to Digidentity" })).toBeVisible();
    await this.choose(personaLabel, pin);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }
  async approve(personaLabel: string, pin?: string) {
    await this.choose(personaLabel, pin);
    await this.page.getByRole("button", { name: "Approve" }).click();
  }
  async decline() {
    await this.page.getByRole("button", { name: "Decline" }).click();
  }
}

export class QrPage {
  constructor(private readonly page: Page) {}
  qrImage() {
    return this.page.getByRole("img", { name: /QR code/ });
  }
  /** The phone-app URL, decoded from the QR code's pixels. */
  async scan(): Promise<string> {
    await expect(this.qrImage()).toBeVisible();
    return decodeQr(this.qrImage());
  }
  async retry() {
    await this.page.getByRole("button", { name: "Get a new QR code" }).click();
  }
}

export class AccountPage {
  constructor(private readonly page: Page) {}
  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.page.getByRole("heading", { name: "Your account" })).toBeVisible();
  }
  async expectUids(uids: Record<string, string>) {
    for (const [claim, value] of Object.entries(uids)) {
      await expect(this.page.getByTestId(`uid-${claim}`)).toHaveText(value);
    }
  }
  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}

export async function expectLoginError(page: Page, reason: string, title: string) {
  await expect(page).toHaveURL(/\/auth\/error\?/);
  await expect(page.getByTestId("login-error")).toHaveAttribute("data-reason", reason);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the login page" })).toBeVisible();
}

/** The portal's IDToken page: token id form, then the one-time code while the phone decides. */
export class IdTokenLoginPage {
  constructor(private readonly page: Page) {}
  /** `portalUrl`: another portal than the main one (a lab portal), or the main one by default. */
  async goto(portalUrl = "") {
    await this.page.goto(`${portalUrl}/login/idtoken`);
    await expect(this.page.getByRole("heading", { name: "Log in with IDToken" })).toBeVisible();
  }
  tokenIdField() {
    return this.page.getByLabel("Token ID", { exact: true });
  }
  async start(tokenId: string, options: { remember?: boolean } = {}) {
    await this.tokenIdField().fill(tokenId);
    await this.page.getByLabel("Remember my token ID on this browser").setChecked(options.remember ?? false);
    await this.page.getByRole("button", { name: "Send login request" }).click();
  }
  otp() {
    return this.page.getByTestId("idtoken-otp");
  }
  /**
   * Starts a login and waits for the code and for the operator's socket to be listening (its
   * `otp_ready`): a session the test expires before the page is connected would close a late
   * socket with 4004 instead of ending it with 1000 (docs/providers/idtoken.md), however slow the
   * machine. Answers the operator's socket URL the page was given.
   */
  async startSession(tokenId: string, options: { remember?: boolean } = {}) {
    const started = this.page.waitForResponse((r) => r.url().endsWith("/api/idtoken/start"));
    const listening = new Promise<void>((resolve) => {
      const onSocket = (socket: WebSocket) =>
        socket.on("framereceived", (frame) => {
          if (typeof frame.payload === "string" && frame.payload.includes('"otp_ready"')) {
            this.page.off("websocket", onSocket);
            resolve();
          }
        });
      this.page.on("websocket", onSocket);
    });
    await this.start(tokenId, options);
    const body = (await (await started).json()) as { socketUrl: string };
    await expect(this.otp()).toHaveText(/^\d{6}$/);
    await listening;
    const sessionId = new URL(body.socketUrl).pathname.split("/").at(-1) ?? "";
    return { socketUrl: body.socketUrl, sessionId, otp: (await this.otp().textContent()) ?? "" };
  }
  async expectEnded(reason: string, title: string) {
    await expect(this.page.getByTestId("idtoken-ended")).toHaveAttribute("data-reason", reason);
    await expect(this.page.getByRole("heading", { name: title })).toBeVisible();
  }
}

/** The sandbox's stand-in for the IDToken phone app: the pushed request for one token. */
export class IdTokenPhone {
  constructor(private readonly page: Page) {}
  /**
   * The push inbox for one token id (on the `phone` fixture, a context with a phone viewport),
   * showing this portal's latest request: other files' logins of the same holder at other
   * services (the misbehaviour lab) run alongside.
   */
  async open(tokenId: string, service: string = IDTOKEN_SERVICE) {
    await this.page.goto(`${IDTOKEN_OPERATOR}/app/${tokenId}?service=${encodeURIComponent(service)}`);
    await expect(this.page.getByRole("heading", { name: "IDToken app (sandbox)" })).toBeVisible();
  }
  otp() {
    return this.page.getByTestId("phone-otp");
  }
  async withhold(scopeLabel: string) {
    await this.page.getByLabel(scopeLabel).uncheck();
  }
  async approve(pin: string = DEMO_PIN) {
    await this.page.getByLabel("PIN", { exact: true }).fill(pin);
    await this.page.getByRole("button", { name: "Approve" }).click();
  }
  async reject() {
    await this.page.getByRole("button", { name: "Reject" }).click();
  }
}

/** Idura's eID login page (the sandbox's, in tests). */
export class IduraLoginForm {
  constructor(private readonly page: Page) {}
  async logIn(eidLabel: string, personaLabel: string) {
    await expect(this.page.getByRole("heading", { name: `Log in with ${eidLabel}` })).toBeVisible();
    await this.page.getByLabel(personaLabel).check();
    await this.page.getByRole("button", { name: "Log in" }).click();
  }
}

/** The portal's headless Swedish BankID page with its animated QR code. */
export class BankIdQrPage {
  constructor(private readonly page: Page) {}
  /** `portalUrl`: another portal than the main one (a lab portal), or the main one by default. */
  async goto(portalUrl = "") {
    await this.page.goto(`${portalUrl}/login/bankid`);
    await expect(this.page.getByRole("heading", { name: "Log in with Swedish BankID" })).toBeVisible();
  }
  /** What a phone camera would read right now. */
  async scan(): Promise<string> {
    const image = this.page.getByRole("img", { name: "BankID QR code" });
    await expect(image).toBeVisible();
    return decodeQr(image);
  }
}

/** A signed-in call-centre agent's page: ask a caller to confirm who they are with BankID (CIBA). */
export class AgentVerifyPage {
  constructor(private readonly page: Page) {}
  /**
   * Logs in as the sandbox portal's call-centre agent (the kit's CALL_CENTRE_AGENT: Mia Holm,
   * MitID Erhverv through Idura), the one person CALL_CENTRE_AGENTS lets in by default, and
   * opens the page from her account page. `portalUrl`: a lab portal, or the main one.
   */
  async signIn(portalUrl = "") {
    const persona = IDURA_PERSONAS[CALL_CENTRE_AGENT.persona];
    await new LoginPage(this.page).goto(portalUrl);
    await this.page.getByRole("button", { name: IDURA_LOGIN_BUTTONS[persona.eid] }).click();
    await new IduraLoginForm(this.page).logIn("MitID Erhverv", persona.label);
    await expect(this.page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await this.open();
  }
  /** From the account page. */
  async open() {
    await this.page.getByRole("link", { name: "Call centre: verify a caller with BankID" }).click();
    await expect(this.page.getByRole("heading", { name: "Verify a caller" })).toBeVisible();
  }
  async ask(nationalId: string) {
    await this.page.getByLabel("Caller's national identity number").fill(nationalId);
    await this.page.getByRole("button", { name: "Send request to the caller's phone" }).click();
  }
  /** The code the agent reads to the caller; it also names the request at the sandbox. */
  async bindingMessage(): Promise<string> {
    const binding = this.page.getByTestId("ciba-binding-message");
    await expect(binding).toHaveText(/^RMI-\d{4}$/);
    return (await binding.textContent()) ?? "";
  }
}

/** The sandbox's BankID app: paste what the camera read, then identify. */
export class BankIdApp {
  constructor(private readonly page: Page) {}
  /** The app's page (on the `phone` fixture, a context with a phone viewport). */
  async open() {
    await this.page.goto(`${IDURA_ISSUER}/app/bankid`);
  }
  async scan(value: string) {
    await this.page.getByLabel("Scanned QR code").fill(value);
    await this.page.getByRole("button", { name: "Scan" }).click();
  }
  async identify(personaLabel: string) {
    await expect(this.page.getByRole("heading", { name: "Identify yourself" })).toBeVisible();
    await this.page.getByLabel(personaLabel).check();
    await this.page.getByRole("button", { name: "Identify" }).click();
  }
}
