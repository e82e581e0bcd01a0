import { getLocale, getTranslations } from "next-intl/server";

import { LOCALES } from "@/lib/i18n/locales";

import { setLocale } from "./locale-actions";

/**
 * One button per language, each named in its own language (and marked with its `lang`), in a
 * form: plain buttons that the keyboard reaches and presses like any other.
 */
export async function LocaleSwitcher() {
  const t = await getTranslations("LocaleSwitcher");
  const current = await getLocale();
  return (
    <form action={setLocale} aria-label={t("label")} className="flex items-center gap-1 text-xs">
      {LOCALES.map((locale) => {
        const name = t("name", { locale });
        const isCurrent = locale === current;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-current={isCurrent ? "true" : undefined}
            title={isCurrent ? t("current", { name }) : undefined}
            data-testid={`locale-${locale}`}
            className={`rounded px-2 py-1 ${isCurrent ? "bg-white font-semibold text-brand-900" : "text-brand-100 underline-offset-2 hover:underline"}`}
          >
            {name}
          </button>
        );
      })}
    </form>
  );
}
