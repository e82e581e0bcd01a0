import { appendFileSync, mkdirSync } from "node:fs";

import { test as base, type BrowserContext } from "@playwright/test";

export * from "@playwright/test";

export const URL_LOG = "logs/e2e/visited-urls.txt";

/**
 * Every URL any page of any test asks for is written to URL_LOG, for the audit (audit.spec.ts)
 * that checks no code, token or personal number ever travelled in one. Covers the test's own
 * context and every context a test opens itself (the "phone").
 */
export const test = base.extend<{ auditVisitedUrls: boolean; recordVisitedUrls: void }>({
  /** Off only for a test that puts a personal number into a URL on purpose, to prove it is refused. */
  auditVisitedUrls: [true, { option: true }],
  recordVisitedUrls: [
    async ({ context, browser, auditVisitedUrls }, use) => {
      mkdirSync("logs/e2e", { recursive: true });
      const urls: string[] = [];
      const watch = (ctx: BrowserContext) => ctx.on("request", (request) => urls.push(request.url()));
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      const newPage = browser.newPage.bind(browser);
      browser.newPage = async (...args) => {
        const page = await newPage(...args);
        watch(page.context());
        return page;
      };
      await use();
      browser.newContext = newContext;
      browser.newPage = newPage;
      if (auditVisitedUrls && urls.length > 0) appendFileSync(URL_LOG, urls.join("\n") + "\n");
    },
    { auto: true },
  ],
});
