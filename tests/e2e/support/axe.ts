import AxeBuilder from "@axe-core/playwright";

import { expect, type Page } from "./fixtures";

/** Zero serious or critical accessibility violations (WCAG 2.1 A/AA rules) on what is shown now. */
export async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility violations on ${state}`).toEqual([]);
}
