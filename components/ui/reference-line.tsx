import type { ReactNode } from "react";

// The markup of a refused login's reference id, shared by the server version
// (error-reference-server.tsx, next-intl) and the client version (error-reference.tsx, the
// messages a page hands its client components): only where the words come from differs.

/** The reference in the sentence, set in monospace; tests find it by this test id. */
const referenceMono = (chunks: ReactNode) => (
  <span className="font-mono" data-testid="error-ref">
    {chunks}
  </span>
);

/** What either hook's `Common` translator offers that the line needs. */
export type CommonRich = {
  rich(key: "reference", values: { ref: string; mono: (chunks: ReactNode) => ReactNode }): ReactNode;
};

/** The line itself, worded by `common` (the translator of the `Common` namespace), or nothing without an id. */
export function ReferenceLine({
  common,
  id,
  className = "mt-2",
}: {
  common: CommonRich;
  id?: string;
  className?: string;
}) {
  if (!id) return null;
  return (
    <p className={`${className} text-sm text-slate-500`}>
      {common.rich("reference", { ref: id, mono: referenceMono })}
    </p>
  );
}
