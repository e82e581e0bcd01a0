import { getFormatter, getTranslations } from "next-intl/server";

import type { Attribute } from "@/components/ui/attribute-list";
import { calendarDate } from "@/lib/i18n/formats";

/**
 * A calendar date from a provider ("1990-03-14") in the page's language, with the date itself
 * kept machine-readable; a value that is not such a date is shown as it came.
 */
export async function CalendarDate({ value }: { value: string }) {
  const date = calendarDate(value);
  if (typeof date === "string") return date;
  const format = await getFormatter();
  return <time dateTime={value}>{format.dateTime(date, "day")}</time>;
}

/** The first two rows of every "This login" section: which service, and when (in UTC, so a screenshot or a support call means the same everywhere). */
export async function loginAttributes(provider: string, loginAt: string): Promise<Attribute[]> {
  const t = await getTranslations("Account");
  const format = await getFormatter();
  return [
    {
      label: t("loggedInWith"),
      help: t("loggedInWithHelp"),
      value: provider,
      testId: "login-provider",
      mono: false,
    },
    {
      label: t("loggedInAt"),
      help: t("loggedInAtHelp"),
      value: <time dateTime={loginAt}>{format.dateTime(new Date(loginAt), "minute")}</time>,
      testId: "login-time",
      mono: false,
    },
  ];
}

/** What this login lets the person do here, said once near the top of the account page. */
export function Permits({ children }: { children: React.ReactNode }) {
  return (
    <p
      data-testid="account-permits"
      className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-slate-800"
    >
      {children}
    </p>
  );
}
