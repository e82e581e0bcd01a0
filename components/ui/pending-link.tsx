"use client";

import Link, { useLinkStatus } from "next/link";
import type { ComponentPropsWithoutRef } from "react";

import { BUTTON, type ButtonVariant } from "./button";
import { Spinner } from "./spinner";

function Label({ children }: { children: React.ReactNode }) {
  const { pending } = useLinkStatus();
  return (
    <>
      {pending ? <Spinner /> : null}
      {children}
    </>
  );
}

/**
 * A link that looks like a button and, while the page it leads to loads, shows the same
 * spinner as a pressed SubmitButton and takes no second click (its label stays its name).
 */
export function PendingLink({
  variant = "secondary",
  className = "",
  children,
  ...props
}: { variant?: ButtonVariant } & ComponentPropsWithoutRef<typeof Link>) {
  return (
    <Link
      className={`${BUTTON[variant]} has-[[data-testid=button-pending]]:pointer-events-none has-[[data-testid=button-pending]]:cursor-wait has-[[data-testid=button-pending]]:opacity-70 ${className}`}
      {...props}
    >
      <Label>{children}</Label>
    </Link>
  );
}
