"use client";

import { useId, type ReactNode } from "react";

import type { LoginErrorReason } from "@/lib/login-failure/reasons";

import { ErrorReference } from "./error-reference";
import { BUTTON } from "./button";

/** How a device login (QR, IDToken, BankID, the agent's CIBA request) ended. */
export type OutcomeKind = "approved" | "declined" | "expired" | "failed";

/**
 * How a device login ended, on any of the device pages: `kind` says which way, `reason` is the
 * login-failure reason whose texts explain it (lib/login-failure/reasons.ts), `ref` the reference
 * id of a refused login, `message` the portal's words when the page could not start or lost its
 * login. Each page keeps its own words and test ids for these; the look is the same everywhere.
 */
export type DeviceEnded = {
  kind: "expired" | "declined" | "refused" | "failed" | "lost" | "start-failed";
  reason?: LoginErrorReason;
  ref?: string;
  message?: string;
};

/** The look of an ended login: an expiry and a decline have their own, everything else failed. */
export function endedOutcome({ kind }: DeviceEnded): OutcomeKind {
  return kind === "expired" || kind === "declined" ? kind : "failed";
}

// Each outcome differs in colour and in its mark, so "confirmed" and "declined" do not only read
// differently: green with a tick, red with a cross, amber with a clock, red with an exclamation.
const LOOK: Record<OutcomeKind, { box: string; mark: string; title: string; path: string }> = {
  approved: {
    box: "border-emerald-600 bg-emerald-50",
    mark: "bg-emerald-700",
    title: "text-emerald-900",
    path: "M6 12.5l4 4 8-9",
  },
  declined: {
    box: "border-red-600 bg-red-50",
    mark: "bg-red-700",
    title: "text-red-900",
    path: "M7 7l10 10M17 7L7 17",
  },
  expired: {
    box: "border-amber-500 bg-amber-50",
    mark: "bg-amber-700",
    title: "text-amber-900",
    path: "M12 6.5V12l3.5 2.5",
  },
  failed: {
    box: "border-red-600 bg-red-50",
    mark: "bg-red-700",
    title: "text-red-900",
    path: "M12 6.5v7M12 17v.5",
  },
};

/**
 * The one outcome view of the device-login pages: a region named by its heading, coloured and
 * marked by `kind`, with the reference id of a refused login and a button to try again.
 * `data-outcome` says the kind to tests; `testId` and `reason` keep each page's test ids.
 */
export function DeviceOutcome({
  kind,
  title,
  body,
  reference,
  retryLabel,
  onRetry,
  testId,
  reason,
  children,
}: {
  kind: OutcomeKind;
  title: string;
  body?: ReactNode;
  reference?: string;
  retryLabel: string;
  onRetry: () => void;
  testId: string;
  reason?: string;
  children?: ReactNode;
}) {
  const headingId = useId();
  const look = LOOK[kind];
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      data-outcome={kind}
      data-reason={reason}
      className={`rounded-lg border-2 px-4 py-6 text-center ${look.box}`}
    >
      <span
        aria-hidden="true"
        className={`mx-auto mb-3 flex size-10 items-center justify-center rounded-full text-white ${look.mark}`}
      >
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2.5">
          {kind === "expired" ? <circle cx="12" cy="12" r="7.5" strokeWidth="2" /> : null}
          <path d={look.path} strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </span>
      <h2 id={headingId} className={`text-xl font-semibold ${look.title}`}>
        {title}
      </h2>
      {body ? <div className="mx-auto mt-2 max-w-md text-slate-700">{body}</div> : null}
      {children}
      <ErrorReference id={reference} />
      <button type="button" onClick={onRetry} className={`${BUTTON.primary} mt-6`}>
        {retryLabel}
      </button>
    </section>
  );
}
