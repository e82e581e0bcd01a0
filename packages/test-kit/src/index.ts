/**
 * Test kit: Playwright fixtures for teams testing their own deployment of this portal against
 * the sandbox. Log in as any sandbox persona through each provider, and approve a pending QR,
 * one-time-code (IDToken), BankID or CIBA login from the test itself, without a second device.
 *
 *   import { test, expect } from "@sermi-rmi-portal/test-kit";
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
export type MitidUser = (typeof MITID_USERS)[number];

/**
 * What the Signicat sandbox's users bring to each MitID choice (the CPR numbers are made up):
 * the CPR to match, the business identities to pick from (MitID Business), the companies Virk
 * lists for them (Private for Business, "Act for a company").
 */
export const MITID_PERSONAS = {
  "peter.hansen": { name: "Peter Hansen", cpr: "2805542112" },
  "lars.nielsen": { name: "Lars Nielsen", note: "MitID holds no CPR for him: every CPR match fails" },
  "erik.hansen": {
    name: "Erik Hansen",
    businessIdentities: ["Testorganisation nr. 96413608", "Nordhavn Cykler I/S"],
    companies: [{ cvr: "45678901", name: "Nordhavn Cykler I/S" }],
  },
  "helle.jensen": {
    name: "Helle Jensen",
    cpr: "1203704628",
    companies: [
      { cvr: "23456789", name: "Jensen Services" },
      { cvr: "34567890", name: "Jensen Holding ApS" },
      { cvr: "56789012", name: "Helles Blomster" },
    ],
  },
  "mette.berg.erhverv": { name: "Mette Berg", note: "a dedicated business identity, without CPR" },
} as const;

/** MitID credentials in the sandbox: app PIN (Substantial) or biometrics (High), code display. */
export const MITID_CREDENTIALS = { appPin: "123456", password: "mitid-sandbox", otp: "246810" } as const;
/** How the person approves at MitID: the app with PIN (default), with biometrics, or the code display. */
export type MitidAuthenticator = "app-pin" | "app-biometrics" | "code-display";

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
  /** The sandbox portal's call-centre agent (CALL_CENTRE_AGENTS' default): see CALL_CENTRE_AGENT. */
  mia: { label: "Mia Holm (MitID Erhverv)", eid: "dk-mitid-business", nationalId: "0403881236" },
  astrid: { label: "Astrid Lindqvist (BankID)", eid: "se-bankid-same-device", nationalId: "199004152381" },
  ola: { label: "Ola Nordmann (BankID)", eid: "no-bankid", nationalId: "01017012345" },
} as const;
export type IduraPersona = keyof typeof IDURA_PERSONAS;

/**
 * The Idura buttons on the portal's login page, by eID. MitID Erhverv is called MitID Business in
 * English and Dutch, as at Signicat; the older name still matches, for portals before that change.
 */
export const IDURA_LOGIN_BUTTONS = {
  "dk-mitid": "Log in with MitID via Idura",
  "dk-mitid-business": /^Log in with MitID (Business|Erhverv) via Idura$/,
  "se-bankid-same-device": "Log in with Swedish BankID on this device via Idura",
  "se-bankid-another-device": "Log in with Swedish BankID on another device via Idura",
  "no-bankid": "Log in with Norwegian BankID via Idura",
} as const;
export type IduraEid = keyof typeof IDURA_LOGIN_BUTTONS;

export type LoginRequest =
  | { provider: "digidentity"; persona: DigidentityPersona }
  | { provider: "digidentity-qr"; persona: DigidentityPersona }
  /** Plain MitID through Signicat. */
  | { provider: "signicat"; userId: MitidUser; authenticator?: MitidAuthenticator }
  /**
   * MitID with CPR match. `cprOnPortal`: type the CPR on the portal (sent encrypted); otherwise
   * it is typed at MitID when MitID asks (it does not when Signicat remembers it). `cpr`
   * defaults to the user's own; `rememberCpr` ticks "Remember my CPR number" at MitID.
   */
  | {
      provider: "signicat-cpr";
      userId: MitidUser;
      cpr?: string;
      cprOnPortal?: boolean;
      rememberCpr?: boolean;
      authenticator?: MitidAuthenticator;
    }
  /** MitID Business; `identity` names the business identity to pick (default: the first offered). */
  | {
      provider: "signicat-business";
      userId: MitidUser;
      identity?: string;
      authenticator?: MitidAuthenticator;
    }
  /**
   * Private for Business ("Act for a company"): `cvr` is typed on the portal as the prefill;
   * `company` names the company to pick at Virk (default: the first offered).
   */
  | {
      provider: "signicat-company";
      userId: MitidUser;
      cvr?: string;
      company?: string;
      authenticator?: MitidAuthenticator;
    }
  /** Approved from the test; `scopes`: share only these (default: all the portal asked for). */
  | { provider: "idtoken"; tokenId: IdTokenHolder; scopes?: string[] }
  /** `eid` defaults to the persona's own (Astrid: Swedish BankID on this device). */
  | { provider: "idura"; persona: IduraPersona; eid?: IduraEid }
  /** The headless Swedish BankID QR page, approved from the test as Astrid. */
  | { provider: "idura-bankid"; persona?: "astrid" }
  /**
   * Not a login: a call-centre agent (logged in as one, e.g. CALL_CENTRE_AGENT, and on
   * /agent/verify) has a caller confirm who they are; the test approves on the caller's behalf.
   * Ends on "Identity confirmed". Ola needs a portal whose IDURA_CIBA_ACR is Norwegian BankID
   * (the default is Swedish).
   */
  | { provider: "idura-ciba"; persona: "astrid" | "ola" };

/**
 * Logs in as the call-centre agent of a portal running with the sandbox (Mia Holm, MitID Erhverv
 * through Idura), the one person whose account page links to /agent/verify and who may use it
 * unless the portal's CALL_CENTRE_AGENTS names others. `await loginAs(CALL_CENTRE_AGENT)`.
 */
export const CALL_CENTRE_AGENT = { provider: "idura", persona: "mia" } as const satisfies LoginRequest;

/** Read a QR code from the pixels on screen, as a phone camera would. */
export async function decodeQr(locator: Locator): Promise<string> {
  const png = PNG.sync.read(await locator.screenshot());
  const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  const result = jsQR(data, png.width, png.height);
  if (!result) throw new Error("No QR code could be decoded from the rendered image");
  return result.data;
}

/** The sandbox's providers, by their path prefix. */
export type SandboxProvider = "digidentity" | "signicat" | "idura" | "idtoken";

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

  /**
   * What a provider's sandbox has handed out (codes, tokens, request ids), oldest first: for
   * tests that check none of it travelled where it must not, or count upstream calls.
   */
  async issued(provider: SandboxProvider): Promise<{ kind: string; value: string }[]> {
    const res = await this.request.get(`${this.url}/${provider}/control/issued`);
    expect(res.ok(), `${provider} issued list answered ${res.status()}`).toBeTruthy();
    return ((await res.json()) as { issued: { kind: string; value: string }[] }).issued;
  }

  /** Sets one client's (IDToken: one service's) misbehaviour mode; `"none"` behaves again. */
  private misbehave(provider: SandboxProvider, clientId: string, mode: string) {
    return this.post(`/${provider}/control/misbehaviour`, { client_id: clientId, mode });
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
    misbehave: (clientId: string, mode: string) => this.misbehave("digidentity", clientId, mode),
  };

  readonly signicat = {
    /** PSD2 mode on or off for a client. */
    psd2: (clientId: string, psd2: boolean) =>
      this.post("/signicat/control/psd2", { client_id: clientId, psd2 }),
    forgetCpr: (userId?: string) =>
      this.post("/signicat/control/cpr-cache/forget", userId ? { user_id: userId } : {}),
    reset: () => this.post("/signicat/control/reset"),
    misbehave: (clientId: string, mode: string) => this.misbehave("signicat", clientId, mode),
  };

  /** Answers the token's latest pending request, as its holder would in the IDToken app. */
  readonly idtoken = {
    /** `otp`: the one-time code the portal shows, so the right request is answered when several wait. */
    approve: (tokenId: string, options: { otp?: string; scopes?: string[] } = {}) =>
      this.post(`/idtoken/control/tokens/${encodeURIComponent(tokenId)}/approve`, options),
    /** `reason`: one of the rejection reasons IDToken documents (docs/providers/idtoken.md). */
    reject: (tokenId: string, options: { otp?: string; reason?: string } = {}) =>
      this.post(`/idtoken/control/tokens/${encodeURIComponent(tokenId)}/reject`, options),
    expire: (tokenId: string) => this.post(`/idtoken/control/tokens/${encodeURIComponent(tokenId)}/expire`),
    /** Drops that token's sessions (every session without a token id), at one service if named. */
    reset: (tokenId?: string, serviceId?: string) =>
      this.post("/idtoken/control/reset", {
        ...(tokenId ? { token_id: tokenId } : {}),
        ...(serviceId ? { service_id: serviceId } : {}),
      }),
    /** Whether the service's JWTs carry a session claim, and under which name (`null`: none). */
    sessionClaim: (serviceId: string, claim: string | null) =>
      this.post("/idtoken/control/session-claim", { service_id: serviceId, claim }),
    /**
     * The holder's phone app answering one session (`POST /auth/verify`, as the sandbox's phone
     * page does), for a test that has the session's id and one-time code in hand.
     */
    answerOnPhone: (
      session: { sessionId: string; tokenId: string; otp: string },
      options: { pin: string; decision?: "approve" | "reject" },
    ) =>
      this.post("/idtoken/auth/verify", {
        sessionId: session.sessionId,
        tokenId: session.tokenId,
        autoPassword: session.otp,
        decision: options.decision ?? "approve",
        pin: options.pin,
      }),
    misbehave: (serviceId: string, mode: string) => this.misbehave("idtoken", serviceId, mode),
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
    /** Moves a BankID login's clock on: every code it has shown is `seconds` older at once. */
    ageBankId: (qrData: string, seconds: number) =>
      this.post("/idura/control/headless/age", { qr_data: qrData, seconds }),
    reset: () => this.post("/idura/control/reset"),
    misbehave: (clientId: string, mode: string) => this.misbehave("idura", clientId, mode),
  };
}

/**
 * How often the portal's pages poll, as the portal announced it in its own answers (the QR login's
 * `pollIntervalMs`, CIBA's `intervalSeconds`, which follows Idura's `interval` and its
 * `slow_down`). The kit waits for an outcome in proportion to it instead of a fixed time.
 */
export class PollPace {
  private qrMs?: number;
  private cibaMs?: number;
  watch(page: Page) {
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      if (!/^\/api\/(digidentity-qr\/(start|status)|idura\/ciba\/status)$/.test(path)) return;
      response
        .json()
        .then((body: { pollIntervalMs?: unknown; intervalSeconds?: unknown }) => {
          if (typeof body.pollIntervalMs === "number") this.qrMs = body.pollIntervalMs;
          if (typeof body.intervalSeconds === "number") this.cibaMs = body.intervalSeconds * 1000;
        })
        .catch(() => undefined);
    });
  }
  /** The QR page's poll interval (1 s when the portal has not said). */
  get qrIntervalMs() {
    return this.qrMs ?? 1000;
  }
  /** The portal's pace for asking Idura about a CIBA request, if it has said. */
  get cibaIntervalMs() {
    return this.cibaMs;
  }
}

/**
 * How long to wait for an outcome that arrives at the next poll: two intervals (the one under
 * way and the next), plus the page's own poll and signing in, plus room for a loaded machine.
 */
export function outcomeTimeout(intervalMs: number, slackMs = 15_000): number {
  return 2 * intervalMs + slackMs;
}

/**
 * Waits until the waiting view (a QR code, a one-time code) has given way to the outcome. Not an
 * assertion: whatever the outcome, the test's own expectations judge it.
 */
async function settle(waiting: Locator, timeout: number) {
  await waiting.waitFor({ state: "hidden", timeout }).catch(() => undefined);
}

/** CIBA's default when the provider names no `interval` (CIBA Core 1.0 §7.3: 5 s). */
const CIBA_DEFAULT_INTERVAL_MS = 5000;

async function cibaIntervalMs(page: Page, pace: PollPace): Promise<number> {
  // The agent's page shows the pace ("Checking every 5 s.") once the portal has answered a poll.
  const shown = page.getByTestId("ciba-interval");
  try {
    await expect(shown).toHaveText(/\d/, { timeout: 10_000 });
    const seconds = Number(/\d+/.exec((await shown.textContent()) ?? "")?.[0]);
    if (seconds > 0) return Math.max(seconds * 1000, pace.cibaIntervalMs ?? 0);
  } catch {
    // Not shown (an older portal): what the portal said, or CIBA's default.
  }
  return pace.cibaIntervalMs ?? CIBA_DEFAULT_INTERVAL_MS;
}

/** The portal's four MitID choices on /login, by their accessible names (README contract). */
const MITID_BUTTONS = {
  signicat: "Log in with MitID",
  "signicat-cpr": "Log in with MitID and match my CPR",
  "signicat-business": "Log in with MitID Business",
  "signicat-company": "Act for a company",
} as const;

/** The sandbox's MitID screens: user ID, then the chosen authenticator. */
async function mitidLogIn(page: Page, userId: string, authenticator: MitidAuthenticator = "app-pin") {
  await expect(page.getByRole("heading", { name: "MitID log on" })).toBeVisible();
  await page.getByLabel("User ID").fill(userId);
  await page.getByRole("button", { name: "Continue" }).click();
  if (authenticator === "code-display") {
    await page.getByRole("button", { name: "MitID code display" }).click();
    await page.getByLabel("Password").fill(MITID_CREDENTIALS.password);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("One-time code").fill(MITID_CREDENTIALS.otp);
    await page.getByRole("button", { name: "Continue" }).click();
    return;
  }
  await page.getByRole("button", { name: "MitID app" }).click();
  if (authenticator === "app-biometrics") {
    await page.getByRole("button", { name: "Approve with biometrics" }).click();
    return;
  }
  await page.getByLabel("PIN").fill(MITID_CREDENTIALS.appPin);
  await page.getByRole("button", { name: "Approve with PIN" }).click();
}

/**
 * After MitID: either the sandbox asks one more thing (`step`, a heading), or the browser is
 * back on the portal already. Resolves to whether the step was asked.
 */
async function mitidAsks(page: Page, portalOrigin: string, step: string): Promise<boolean> {
  const heading = page.getByRole("heading", { name: step });
  let asked = false;
  await expect
    .poll(
      async () => {
        asked = await heading.isVisible();
        return asked || new URL(page.url()).origin === portalOrigin;
      },
      { message: `"${step}" at MitID, or back on the portal`, timeout: 15_000 },
    )
    .toBe(true);
  return asked;
}

async function pickAtMitid(page: Page, name: string | undefined) {
  if (name) await page.getByLabel(name).check();
  else await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Continue" }).click();
}

/**
 * Logs in through the portal's login page (the page must be on it, or on /login/qr for QR).
 * Ends on the portal's account page, or wherever the portal sends a refused login.
 */
async function loginAs(page: Page, sandbox: Sandbox, pace: PollPace, who: LoginRequest): Promise<void> {
  const here = new URL(page.url());
  const path = here.pathname;
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
        // On a phone the same link is named for the app it opens (docs/testing.md).
        await page.getByRole("link", { name: /^Log in with (QR code|the Digidentity app)$/ }).click();
      const qr = page.getByRole("img", { name: /QR code/ });
      await expect(qr).toBeVisible();
      await sandbox.digidentity.approveQr(await decodeQr(qr), who.persona);
      // The page learns of the approval at its next poll, then signs in.
      await settle(qr, outcomeTimeout(pace.qrIntervalMs));
      return;
    }
    case "signicat":
    case "signicat-cpr":
    case "signicat-business":
    case "signicat-company": {
      if (who.provider === "signicat-cpr" && who.cprOnPortal)
        await page.getByLabel("CPR number (optional)").fill(who.cpr ?? mitidCpr(who.userId));
      if (who.provider === "signicat-company" && who.cvr)
        await page.getByLabel("CVR number (optional)").fill(who.cvr);
      await page.getByRole("button", { name: MITID_BUTTONS[who.provider], exact: true }).click();
      await mitidLogIn(page, who.userId, who.authenticator);
      if (
        who.provider === "signicat-cpr" &&
        (await mitidAsks(page, here.origin, "Confirm your CPR number"))
      ) {
        await page.getByLabel("CPR number", { exact: true }).fill(who.cpr ?? mitidCpr(who.userId));
        if (who.rememberCpr) await page.getByLabel("Remember my CPR number").check();
        await page.getByRole("button", { name: "Continue" }).click();
      }
      if (
        who.provider === "signicat-business" &&
        (await mitidAsks(page, here.origin, "Choose your business identity"))
      )
        await pickAtMitid(page, who.identity);
      if (
        who.provider === "signicat-company" &&
        (await mitidAsks(page, here.origin, "Choose who you act for"))
      )
        await pickAtMitid(page, who.company);
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
      // The approval arrives on the operator's WebSocket (pushed, not polled).
      await settle(otp, outcomeTimeout(0));
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
      // The page polls about once a second (BankID's QR changes every second).
      await settle(qr, outcomeTimeout(1000));
      return;
    }
    case "idura-ciba": {
      await page.getByLabel("Caller's national identity number").fill(IDURA_PERSONAS[who.persona].nationalId);
      await page.getByRole("button", { name: "Send request to the caller's phone" }).click();
      const binding = page.getByTestId("ciba-binding-message");
      await expect(binding).not.toBeEmpty();
      const interval = await cibaIntervalMs(page, pace);
      await sandbox.idura.approveCiba((await binding.textContent()) ?? "");
      // The portal asks Idura only once per `interval`: the answer comes at its next poll.
      await expect(page.getByTestId("ciba-approved")).toBeVisible({ timeout: outcomeTimeout(interval) });
      return;
    }
  }
}

function mitidCpr(userId: MitidUser): string {
  const persona = MITID_PERSONAS[userId];
  if (!("cpr" in persona)) throw new Error(`${userId} has no CPR in the sandbox: pass cpr`);
  return persona.cpr;
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
    const pace = new PollPace();
    pace.watch(page);
    await provide((who) => loginAs(page, sandbox, pace, who));
  },
});
