import type { ComponentPropsWithoutRef, ElementType } from "react";

/** The portal's one card surface; `as` keeps the right element (section, form, div). */
export function Card<T extends ElementType = "div">({
  as,
  className = "",
  ...props
}: { as?: T; className?: string } & Omit<ComponentPropsWithoutRef<T>, "as" | "className">) {
  const Element: ElementType = as ?? "div";
  return (
    <Element
      className={`rounded-xl border border-slate-200 bg-white p-6 shadow-sm ${className}`}
      {...props}
    />
  );
}
