import { useTranslations } from "next-intl";

// For server pages; client components use app/ui/error-reference.tsx (no next-intl provider there).

/** The reference id of a refused login: the person can quote it, the operator finds its log line. */
export function ErrorReference({ id, className = "mt-2" }: { id?: string; className?: string }) {
  const common = useTranslations("Common");
  if (!id) return null;
  return (
    <p className={`${className} text-sm text-slate-500`}>
      {common.rich("reference", {
        ref: id,
        mono: (chunks) => (
          <span className="font-mono" data-testid="error-ref">
            {chunks}
          </span>
        ),
      })}
    </p>
  );
}
