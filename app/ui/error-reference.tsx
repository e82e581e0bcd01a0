"use client";

import { useTranslations } from "@/lib/i18n/client";

/**
 * The reference id of a refused login, for client components (the device-login pages): the same
 * words and markup as app/error-reference.tsx, which server pages use, but over the messages the
 * page hands its client components (lib/i18n/client-messages.tsx) instead of next-intl's provider.
 */
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
