"use client";

import type { ComponentPropsWithoutRef } from "react";
import { useFormStatus } from "react-dom";

import { BUTTON, type ButtonVariant } from "./button";

/**
 * A form's submit button that says it is working while the form's action runs: disabled, busy
 * for assistive technology, and with a spinner beside its unchanged label (tests and screen
 * readers keep finding it by name).
 */
export function SubmitButton({
  variant = "primary",
  className = "",
  children,
  ...props
}: { variant?: ButtonVariant } & ComponentPropsWithoutRef<"button">) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      className={`${BUTTON[variant]} ${className}`}
      {...props}
    >
      {pending ? (
        <span
          aria-hidden="true"
          className="mr-2 inline-block size-3.5 rounded-full border-2 border-current border-r-transparent align-[-2px] motion-safe:animate-spin"
        />
      ) : null}
      {children}
    </button>
  );
}
