import { getFormatter, getTranslations } from "next-intl/server";

import { calendarDate } from "@/lib/i18n/formats";
import { Card } from "../ui/card";

/** A labelled value on the account page: what it is, what it means, and the value itself. */
export function Field({
  label,
  help,
  value,
  testId,
  mono = true,
}: {
  label: string;
  help: string;
  value: React.ReactNode;
  testId: string;
  mono?: boolean;
}) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="block text-slate-500">{help}</span>
      </dt>
      <dd
        className={`text-sm sm:col-span-2 ${mono ? "break-all font-mono" : "break-words"}`}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card as="section" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <dl className="mt-2 divide-y divide-slate-100">{children}</dl>
    </Card>
  );
}

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
export async function LoginFields({ provider, loginAt }: { provider: string; loginAt: string }) {
  const t = await getTranslations("Account");
  const format = await getFormatter();
  return (
    <>
      <Field
        label={t("loggedInWith")}
        help={t("loggedInWithHelp")}
        value={provider}
        testId="login-provider"
        mono={false}
      />
      <Field
        label={t("loggedInAt")}
        help={t("loggedInAtHelp")}
        value={<time dateTime={loginAt}>{format.dateTime(new Date(loginAt), "minute")}</time>}
        testId="login-time"
        mono={false}
      />
    </>
  );
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
