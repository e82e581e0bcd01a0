/**
 * The message namespaces client components use (with lib/i18n/client.tsx): the shared ones, then
 * each provider's own (`clientNamespaces` in its descriptor, lib/providers/descriptor.ts). Only
 * these may reach the browser, and tests/unit/portal-i18n-format.test.ts checks every message in
 * them formats there exactly as on the server.
 */
import { PROVIDER_CATALOG } from "@/lib/providers/catalog";

export const SHARED_CLIENT_NAMESPACES = ["Common", "ErrorPage", "LoginErrors"] as const;

type ProviderClientNamespace = (typeof PROVIDER_CATALOG)[number]["clientNamespaces"][number];

export type ClientNamespace = (typeof SHARED_CLIENT_NAMESPACES)[number] | ProviderClientNamespace;

export const CLIENT_NAMESPACES: readonly ClientNamespace[] = [
  ...SHARED_CLIENT_NAMESPACES,
  ...PROVIDER_CATALOG.flatMap((d): readonly ProviderClientNamespace[] => d.clientNamespaces),
];
