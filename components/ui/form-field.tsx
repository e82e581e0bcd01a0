import type { ComponentPropsWithoutRef, ReactNode } from "react";

/** A labelled text input in a login form, its value set in monospace (ids, numbers). */
export function TextField({
  id,
  label,
  ...input
}: { id: string; label: ReactNode } & Omit<ComponentPropsWithoutRef<"input">, "id" | "className">) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-mono"
        {...input}
      />
    </div>
  );
}

/** Why a form was not accepted, announced at once. */
export function FormError({ testId, children }: { testId: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="text-sm text-red-700" role="alert" data-testid={testId}>
      {children}
    </p>
  );
}
