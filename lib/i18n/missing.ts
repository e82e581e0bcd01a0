import type { IntlError } from "next-intl";

/**
 * What a missing or broken message renders as: conspicuous on purpose, so a browser test (and
 * anyone looking) sees it at once. The unit tests keep every messages file complete, so this
 * should never reach a person.
 */
export const MISSING_MESSAGE_MARKER = "[missing message: ";

export function missingMessage({ namespace, key }: { namespace?: string; key: string }): string {
  return `${MISSING_MESSAGE_MARKER}${namespace ? `${namespace}.${key}` : key}]`;
}

/** Outside production a missing key stops the render, so it is caught where it is written. */
export const FAIL_ON_MISSING_MESSAGE = process.env.NODE_ENV !== "production";

export function shouldThrow(error: IntlError, strict: boolean = FAIL_ON_MISSING_MESSAGE): boolean {
  // Compared as text so this module loads without next-intl's runtime (the unit tests use it).
  const code = String(error.code);
  return strict && (code === "MISSING_MESSAGE" || code === "FORMATTING_ERROR");
}
