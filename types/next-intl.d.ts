import type { FORMATS } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

/** English is the reference: a key missing from it, or misspelt in code, fails `tsc`. */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
    Formats: typeof FORMATS;
  }
}
