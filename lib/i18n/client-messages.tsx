import "server-only";

import { getLocale, getMessages } from "next-intl/server";

import { ClientMessagesProvider } from "./client";
import type { ClientNamespace } from "./client-namespaces";
import type { Messages } from "./format";

/**
 * Hands the client components inside the messages of `namespaces` only, in the request's
 * language: the browser gets the words it can show, not every message of the portal.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly ClientNamespace[];
  children: React.ReactNode;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked: Messages = {};
  for (const namespace of namespaces) picked[namespace] = messages[namespace] as Messages;
  return (
    <ClientMessagesProvider locale={locale} messages={picked}>
      {children}
    </ClientMessagesProvider>
  );
}
