import { expect, type Page } from "@playwright/test";

/** The language switcher at the top of every sandbox page, and the language the page is in. */
export class SandboxLanguage {
  constructor(private readonly page: Page) {}
  /** The switcher's own name is in the page's language: "Language", "Taal" or "Sprog". */
  switcher() {
    return this.page.getByRole("navigation", { name: /^(Language|Taal|Sprog)$/ });
  }
  async choose(name: "English" | "Nederlands" | "Dansk") {
    await this.switcher().getByRole("link", { name }).click();
  }
  /**
   * On a page that answered a form the switcher only stores the choice (204, the page stays):
   * waits until the sandbox has answered, so the next step is sure to carry the cookie.
   */
  async chooseForNextPage(name: "English" | "Nederlands" | "Dansk") {
    const stored = this.page.waitForResponse((r) => new URL(r.url()).pathname === "/language");
    await this.choose(name);
    expect((await stored).status()).toBe(204);
  }
  async expectPageIn(language: "en" | "nl" | "da") {
    await expect(this.page.locator("html")).toHaveAttribute("lang", language);
  }
}
