import "server-only";

import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { log } from "@/lib/log";

import { FORMATS, TIME_ZONE } from "./formats";
import { LOCALE_COOKIE, negotiateLocale } from "./locales";
import { missingMessage, shouldThrow } from "./missing";

/**
 * The language of this request: the switcher's cookie, else the browser's Accept-Language.
 * No locale in the URL and no middleware (proxy.ts stays the only one, for the CSP nonce).
 */
export default getRequestConfig(async () => {
  const locale = negotiateLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: TIME_ZONE,
    formats: FORMATS,
    onError(error) {
      if (shouldThrow(error)) throw error;
      log.error({ event: "i18n_error", code: error.code, locale }, error.message);
    },
    getMessageFallback: missingMessage,
  };
});
