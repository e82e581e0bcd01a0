"use client";

import { createContext, Fragment, useContext, useMemo, type ReactNode } from "react";

import { FORMATS, TIME_ZONE } from "./formats";
import { formatMessage, type Messages, type Part, type RichValues, type Values } from "./format";
import { FAIL_ON_MISSING_MESSAGE, missingMessage } from "./missing";

type Scope = { locale: string; messages: Messages };
type ClientRichValues = Record<string, string | number | ((chunks: ReactNode) => ReactNode)>;

/** One node as it is, several as keyed fragments (React wants keys in a list). */
function keyed(parts: Part[]): ReactNode {
  if (parts.length === 1) return parts[0] as ReactNode;
  return parts.map((part, i) => <Fragment key={i}>{part as ReactNode}</Fragment>);
}

const MessagesContext = createContext<Scope>({ locale: "en", messages: {} });

/**
 * The messages of a few namespaces, for the client components inside: the server picks them
 * (`ClientMessages` in lib/i18n/client-messages.tsx), so a page ships only the words it can
 * show, and no message-format library at all (lib/i18n/format.ts formats the few forms ours use).
 * Nested providers add their namespaces to the outer ones'.
 */
export function ClientMessagesProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: Messages;
  children: ReactNode;
}) {
  const outer = useContext(MessagesContext);
  const value = useMemo(
    () => ({ locale, messages: { ...outer.messages, ...messages } }),
    [outer.messages, locale, messages],
  );
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

function missing(namespace: string, key: string): string {
  // As next-intl does (lib/i18n/request.ts): outside production a missing key stops the render.
  if (FAIL_ON_MISSING_MESSAGE) throw new Error(`MISSING_MESSAGE: ${namespace}.${key}`);
  return missingMessage({ namespace, key });
}

function lookup(messages: Messages, path: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * next-intl's `useTranslations` for client components, over the provided messages: `t(key,
 * values)` and `t.rich(key, values)` with tags as functions. A key that is missing shows as
 * next-intl shows it (lib/i18n/missing.ts), so a browser test sees it at once.
 */
export function useTranslations(namespace: string) {
  const { locale, messages } = useContext(MessagesContext);
  return useMemo(() => {
    const message = (key: string) => lookup(messages, `${namespace}.${key}`);
    const plain = (key: string, values?: Values): string => {
      const m = message(key);
      if (m === undefined) return missing(namespace, key);
      return formatMessage(m, locale, values).join("");
    };
    const rich = (key: string, values: ClientRichValues = {}): ReactNode => {
      const m = message(key);
      if (m === undefined) return missing(namespace, key);
      const withTags: RichValues = {};
      for (const [name, value] of Object.entries(values)) {
        withTags[name] = typeof value === "function" ? (chunks: Part[]) => value(keyed(chunks)) : value;
      }
      return keyed(formatMessage(m, locale, withTags));
    };
    return Object.assign(plain, { rich });
  }, [locale, messages, namespace]);
}

/** next-intl's `useFormatter().dateTime` with the portal's named formats (lib/i18n/formats.ts), in UTC. */
export function useFormatter() {
  const { locale } = useContext(MessagesContext);
  return useMemo(
    () => ({
      dateTime: (date: Date, format: keyof typeof FORMATS.dateTime) =>
        new Intl.DateTimeFormat(locale, { ...FORMATS.dateTime[format], timeZone: TIME_ZONE }).format(date),
    }),
    [locale],
  );
}
