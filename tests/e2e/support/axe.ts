import AxeBuilder from "@axe-core/playwright";

import { expect, type Page } from "./fixtures";

/** Zero serious or critical accessibility violations (WCAG 2.1 A/AA rules) on what is shown now. */
export async function expectAccessible(page: Page, state: string) {
  // After a client-side navigation (a device login's redirect) Next.js streams the page's
  // metadata after its content: wait for the title, or a busy machine's axe run sees none.
  await expect(page, `the title of ${state}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility violations on ${state}`).toEqual([]);
}
