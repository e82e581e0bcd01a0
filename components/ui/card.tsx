import type { ComponentPropsWithoutRef, ElementType } from "react";

/**
 * The portal's one card surface; `as` keeps the right element (section, form, div), `roomy` is
 * the wider padding of a page's single card (the error page, a refusal).
 */
export function Card<T extends ElementType = "div">({
  as,
  roomy = false,
  className = "",
  ...props
}: { as?: T; roomy?: boolean; className?: string } & Omit<
  ComponentPropsWithoutRef<T>,
  "as" | "className" | "roomy"
>) {
  const Element: ElementType = as ?? "div";
  return (
    <Element
      className={`rounded-xl border border-slate-200 bg-white ${roomy ? "p-8" : "p-6"} shadow-sm ${className}`}
      {...props}
    />
  );
}
