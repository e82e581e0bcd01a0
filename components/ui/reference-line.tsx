import type { ReactNode } from "react";

// The markup of a refused login's reference id, shared by the server version
// (error-reference-server.tsx, next-intl) and the client version (error-reference.tsx, the
// messages a page hands its client components): only where the words come from differs.

/** The reference in the sentence, set in monospace; tests find it by this test id. */
export const referenceMono = (chunks: ReactNode) => (
  <span className="font-mono" data-testid="error-ref">
    {chunks}
  </span>
);

export function ReferenceLine({ className = "mt-2", children }: { className?: string; children: ReactNode }) {
  return <p className={`${className} text-sm text-slate-500`}>{children}</p>;
}
