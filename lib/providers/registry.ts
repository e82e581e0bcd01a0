import "server-only";

import { notFound } from "next/navigation";

import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/route-handler";

import type { ProviderKey, ProvidersConfig } from "./catalog";
import { digidentityModule } from "./digidentity";
import { idtokenModule } from "./idtoken";
import { iduraModule } from "./idura";
import { signicatModule } from "./signicat";
import type { ProviderModule } from "./types";

/**
 * Every provider the portal can speak to, in the order the login page offers them. Adding one:
 * its folder, a line here and one in catalog.ts (docs/architecture.md).
 */
export const PROVIDER_MODULES = [digidentityModule, signicatModule, idtokenModule, iduraModule] as const;

type AnyModule = ProviderModule<ProviderKey, { kind: string }>;

/** The modules this deployment has turned on (docs/configuration.md). */
export function enabledModules(): AnyModule[] {
  const { providers } = getConfig();
  return (PROVIDER_MODULES as readonly unknown[] as AnyModule[]).filter(
    (m) => providers[m.key] !== undefined,
  );
}

/** A provider's settings, or undefined when this deployment does not have it. */
export function providerSettings<K extends ProviderKey>(key: K): ProvidersConfig[K] {
  return getConfig().providers[key];
}

/** For pages and server actions of one provider: a provider that is off has no pages. */
export function requireProviderSettings<K extends ProviderKey>(key: K): NonNullable<ProvidersConfig[K]> {
  const settings = providerSettings(key);
  if (!settings) notFound();
  return settings;
}

/** For route handlers of a provider that is off. */
export function providerNotEnabled(): Response {
  return jsonError(404, "provider_not_enabled", "This deployment does not offer that login.");
}

/** The module that registered an Auth.js provider id, if any. */
export function moduleOfAuthProvider(authProviderId: string | undefined): AnyModule | undefined {
  if (!authProviderId) return undefined;
  return (PROVIDER_MODULES as readonly unknown[] as AnyModule[]).find((m) =>
    m.authProviderIds.includes(authProviderId),
  );
}

/** The module whose logins produce an identity of this kind. */
export function moduleOfIdentityKind(kind: string): AnyModule | undefined {
  return (PROVIDER_MODULES as readonly unknown[] as AnyModule[]).find((m) => m.identityKinds.includes(kind));
}
