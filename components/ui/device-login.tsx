"use client";

import Link from "next/link";
import type { ReactNode } from "react";

import { useTranslations } from "@/lib/i18n/client";

import { ApiError } from "./fetch-json";

// The pieces every device login's page shows (QR, BankID, IDToken, the agent's CIBA request);
// each page's own steps and words stay in its provider's folder.

/** The time left in a countdown's sentence, set as figures that do not jump. */
export const countdownFigure = (chunks: ReactNode) => (
  <span className="font-mono font-semibold tabular-nums">{chunks}</span>
);

/** A status poll that failed: the portal's message, or "offline" when it never answered. */
export function PollProblem({ error }: { error: unknown }) {
  const common = useTranslations("Common");
  if (!error) return null;
  return (
    <p className="text-sm text-amber-700" role="alert">
      {error instanceof ApiError ? error.message : common("offline")}
    </p>
  );
}

/** The way back to the login page's other choices, under a device login. */
export function OtherWayLink() {
  const common = useTranslations("Common");
  return (
    <p className="mt-6 text-center text-sm">
      <Link href="/login" className="text-slate-600 underline underline-offset-2">
        {common("otherWay")}
      </Link>
    </p>
  );
}
