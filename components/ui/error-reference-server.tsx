import { useTranslations } from "next-intl";

import { ReferenceLine } from "./reference-line";

// For server pages; client components use components/ui/error-reference.tsx (no next-intl provider there).

/** The reference id of a refused login: the person can quote it, the operator finds its log line. */
export function ServerErrorReference({ id, className }: { id?: string; className?: string }) {
  return <ReferenceLine common={useTranslations("Common")} id={id} className={className} />;
}
