"use client";

import { NextIntlClientProvider, useLocale, type IntlError } from "next-intl";

import { missingMessage, shouldThrow } from "@/lib/i18n/missing";

function onError(error: IntlError) {
  if (shouldThrow(error)) throw error;
  console.error(error.message);
}

/**
 * Functions cannot travel from the server to the browser, so the client components get the same
 * missing-message handling as the server here; messages, formats and time zone come from the
 * provider around this one.
 */
export function IntlErrorHandling({ children }: { children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={useLocale()} onError={onError} getMessageFallback={missingMessage}>
      {children}
    </NextIntlClientProvider>
  );
}
