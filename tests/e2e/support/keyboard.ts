import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Keyboard-only driving: Tab, arrows, Enter, Space and typing, as a person without a mouse.
 * Nothing here clicks or focuses an element directly.
 */
export class KeyboardUser {
  constructor(private readonly page: Page) {}

  private async hasFocus(target: Locator): Promise<boolean> {
    return target.evaluate((el) => el === document.activeElement).catch(() => false);
  }

  /** Presses Tab until `target` has focus; fails if it never gets there. */
  async tabTo(target: Locator, max = 60) {
    await expect(target).toBeVisible();
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press("Tab");
      if (await this.hasFocus(target)) return;
    }
    throw new Error(`${max} presses of Tab never reached ${target.toString()}`);
  }

  /** Tabs into a radio group (focus lands on its checked radio), then arrows to `target`. */
  async chooseRadio(target: Locator) {
    await this.tabTo(this.page.getByRole("radio", { checked: true }));
    for (let i = 0; i < 10 && !(await this.hasFocus(target)); i++)
      await this.page.keyboard.press("ArrowDown");
    await expect(target).toBeFocused();
    await expect(target).toBeChecked();
  }

  async activate(target: Locator, key: "Enter" | "Space" = "Enter") {
    await this.tabTo(target);
    await this.page.keyboard.press(key);
  }

  /** Tabs to a field, types, and presses Enter: the form's first button submits it. */
  async fillAndSubmit(field: Locator, text: string) {
    await this.tabTo(field);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }
}
