"use client";

import { useTranslations } from "@/lib/i18n/client";

import { ReferenceLine } from "./reference-line";

/**
 * The reference id of a refused login, for client components (the device-login pages): the same
 * words and markup as components/ui/error-reference-server.tsx, which server pages use, but over the
 * messages the page hands its client components (lib/i18n/client-messages.tsx) instead of
 * next-intl's provider.
 */
export function ErrorReference({ id, className }: { id?: string; className?: string }) {
  return <ReferenceLine common={useTranslations("Common")} id={id} className={className} />;
}
