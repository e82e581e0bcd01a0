/**
 * Browser figures in Debian's full Chromium (not the tests' headless shell) with their flags: approval → signed
 * in, and click → QR visible. Moments on the page are stamped in the page itself (a
 * MutationObserver and a click listener installed before any page script), so Playwright's own
 * round trips are not counted against the portal.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { FULL_CHROMIUM_LAUNCH_OPTIONS } from "../tests/e2e/support/chromium";

type Stamps = {
  clickAt?: number;
  qrAt?: number;
  approvedSeenAt?: number;
  accountAt?: number;
  /** The bare page's heading; its click was in the previous document (kept in sessionStorage). */
  bareAt?: number;
  bareClickAt?: number;
};

declare global {
  interface Window {
    __bench?: Stamps;
  }
}

/**
 * Runs in every document before its scripts: stamps the click and the first QR / account view.
 * A string, not a function: tsx's name-keeping helpers would not exist inside the page.
 */
const STAMPS_SCRIPT = `(() => {
  const stamps = {};
  window.__bench = stamps;
  document.addEventListener("click", () => {
    stamps.clickAt = Date.now();
    sessionStorage.setItem("bench-click-at", String(stamps.clickAt));
  }, { capture: true });
  const earlierClick = Number(sessionStorage.getItem("bench-click-at"));
  if (earlierClick) stamps.bareClickAt = earlierClick;
  const look = () => {
    if (stamps.qrAt === undefined && document.querySelector('[data-testid="qr-code"]')) {
      stamps.qrAt = Date.now();
    }
    if (stamps.approvedSeenAt === undefined && document.querySelector('[data-testid="qr-completing"]')) {
      stamps.approvedSeenAt = Date.now();
    }
    for (const h of document.querySelectorAll("h1")) {
      if (stamps.accountAt === undefined && h.textContent === "Your account") stamps.accountAt = Date.now();
      if (stamps.bareAt === undefined && h.textContent === "Page not found") stamps.bareAt = Date.now();
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();`;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(FULL_CHROMIUM_LAUNCH_OPTIONS);
}

async function newContext(browser: Browser, portalUrl: string): Promise<BrowserContext> {
  // The stamps look for English headings: pin the language the portal negotiates.
  const context = await browser.newContext({ baseURL: portalUrl, locale: "en-GB" });
  await context.addInitScript({ content: STAMPS_SCRIPT });
  return context;
}

async function stamps(page: Page): Promise<Stamps> {
  return page.evaluate(() => ({ ...window.__bench }));
}

const qrImage = (page: Page) => page.getByRole("img", { name: /QR code/ });

/** The QR id the phone would scan, from the page's "open in the app" link (same URI as the QR). */
async function qrIdOf(page: Page): Promise<string> {
  const href = await page.getByTestId("qr-open-in-app").getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error("no QR link on the page");
  return id;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * For each login: open the QR page, wait a random part of a poll interval (so approvals land at
 * every phase of the page's poll cycle, as a person's would), approve through the sandbox's
 * control endpoint, and stamp when the account page appears.
 */
export async function measureApprovalToSignedIn(
  browser: Browser,
  portalUrl: string,
  sandboxUrl: string,
  options: { logins: number; pollIntervalMs: number },
): Promise<{ signedIn: number[]; seen: number[] }> {
  const signedIn: number[] = [];
  const seen: number[] = [];
  for (let i = 0; i < options.logins; i++) {
    const context = await newContext(browser, portalUrl);
    const page = await context.newPage();
    await page.goto("/login/qr");
    await qrImage(page).waitFor({ state: "visible" });
    const qrId = await qrIdOf(page);
    await page.waitForTimeout(200 + Math.random() * options.pollIntervalMs);
    const approvedAt = Date.now();
    const res = await fetch(`${sandboxUrl}/digidentity/control/qr/${qrId}/approve`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "ioe" }),
    });
    if (res.status !== 200) throw new Error(`approve answered ${res.status}: ${await res.text()}`);
    await page.getByRole("heading", { name: "Your account" }).waitFor({ state: "visible", timeout: 15_000 });
    const { accountAt, approvedSeenAt } = await stamps(page);
    if (accountAt === undefined) throw new Error("the account page was seen but not stamped");
    signedIn.push(accountAt - approvedAt);
    // The page says "Approved. Logging you in…" once a poll saw the approval.
    if (approvedSeenAt !== undefined) seen.push(approvedSeenAt - approvedAt);
    await context.close();
  }
  return { signedIn, seen };
}

/**
 * Click "Log in with QR code" on /login until the QR image is on the page; and, alternating with
 * it in the same browser, click a plain link on /login to a page with nothing on it (the portal's
 * not-found page) until its heading shows: the bare navigation the QR time is measured against,
 * so a busy machine slows both alike.
 */
export async function measureClickToQr(
  browser: Browser,
  portalUrl: string,
  runs: number,
): Promise<{ qr: number[]; bare: number[] }> {
  const qr: number[] = [];
  const bare: number[] = [];
  const context = await newContext(browser, portalUrl);
  for (let i = 0; i < runs; i++) {
    // Each run is a fresh visit: no login cookie, the page loaded and idle as a person would see it.
    await context.clearCookies();
    let page = await context.newPage();
    await page.goto("/login", { waitUntil: "networkidle" });
    await page.evaluate(() => {
      const a = document.createElement("a");
      a.href = "/bench-bare-page";
      a.textContent = "bare page";
      a.id = "bench-bare";
      document.body.prepend(a);
    });
    await page.locator("#bench-bare").click();
    await page.getByRole("heading", { name: "Page not found" }).waitFor({ state: "visible" });
    const { bareClickAt, bareAt } = await stamps(page);
    if (bareClickAt === undefined || bareAt === undefined) throw new Error("bare navigation was not stamped");
    bare.push(bareAt - bareClickAt);
    await page.close();

    page = await context.newPage();
    await page.goto("/login", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Log in with QR code" }).click();
    await qrImage(page).waitFor({ state: "visible" });
    const { clickAt, qrAt } = await stamps(page);
    if (clickAt === undefined || qrAt === undefined) throw new Error("click or QR was not stamped");
    qr.push(qrAt - clickAt);
    await page.close();
  }
  await context.close();
  return { qr, bare };
}
