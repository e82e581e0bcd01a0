/**
 * The portal's button looks, as classes so links and buttons share them. Every variant has a
 * hover and a visible focus ring (the global :focus-visible style).
 */
export const BUTTON = {
  primary:
    "inline-block rounded-lg bg-brand-600 px-4 py-2.5 text-center font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70",
  secondary:
    "inline-block rounded-lg border border-brand-600 px-4 py-2.5 text-center font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70",
  quiet:
    "inline-block rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100 disabled:cursor-wait disabled:opacity-70",
} as const;

export type ButtonVariant = keyof typeof BUTTON;

/**
 * A portal variant, or a look a provider's card brings along (an eID's own call to action, e.g.
 * MitID's) as the whole class string, so components/ui names no provider's brand.
 */
export type ButtonLook = ButtonVariant | { brand: string };

export function buttonClass(look: ButtonLook): string {
  return typeof look === "string" ? BUTTON[look] : look.brand;
}
