"use client";

import type { ComponentPropsWithoutRef } from "react";
import { useFormStatus } from "react-dom";

import { buttonClass, type ButtonLook } from "./button";
import { Spinner } from "./spinner";

/**
 * A form's submit button that says it is working while the form's action runs: disabled, busy
 * for assistive technology, and with a spinner beside its unchanged label (tests and screen
 * readers keep finding it by name). In a form with several buttons (`name`/`value`), all are
 * disabled and the spinner shows on the one that was pressed.
 */
export function SubmitButton({
  variant = "primary",
  className = "",
  children,
  ...props
}: { variant?: ButtonLook } & ComponentPropsWithoutRef<"button">) {
  const { pending, data } = useFormStatus();
  const pressed =
    pending && (props.name === undefined || data?.get(props.name) === String(props.value ?? ""));
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pressed || undefined}
      className={`${buttonClass(variant)} ${className}`}
      {...props}
    >
      {pressed ? <Spinner /> : null}
      {children}
    </button>
  );
}
