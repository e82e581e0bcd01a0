import "server-only";

import { notFound } from "next/navigation";

import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/route-handler";

import {
  descriptorOfAuthProvider,
  PROVIDER_CATALOG,
  type ProviderKey,
  type ProvidersConfig,
} from "./catalog";
import { digidentityModule } from "./digidentity";
import { idtokenModule } from "./idtoken";
import { iduraModule } from "./idura";
import { signicatModule } from "./signicat";
import type { ProviderModule, ProviderRoutes } from "./types";

/**
 * Each provider's server side, by key. Which providers there are, and their order, is the
 * catalog's (catalog.ts); this record only finds each one's module, and the compiler refuses it
 * when a provider of the catalog is missing here or a key is not in the catalog. Why the two
 * cannot be one list: docs/architecture.md ("One list of providers").
 */
const MODULE_OF = {
  digidentity: digidentityModule,
  signicat: signicatModule,
  idtoken: idtokenModule,
  idura: iduraModule,
} satisfies { [K in ProviderKey]: { key: K } };

type AnyModule = ProviderModule<ProviderKey, { kind: string }>;

/** Every provider's module, in the catalog's order (the order the login page offers them). */
export const PROVIDER_MODULES: readonly AnyModule[] = PROVIDER_CATALOG.map(
  (d) => MODULE_OF[d.key] as unknown as AnyModule,
);

/** The modules this deployment has turned on (docs/configuration.md). */
export function enabledModules(): AnyModule[] {
  const { providers } = getConfig();
  return PROVIDER_MODULES.filter((m) => providers[m.key] !== undefined);
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
  const descriptor = descriptorOfAuthProvider(authProviderId);
  return descriptor && (MODULE_OF[descriptor.key] as unknown as AnyModule);
}

/**
 * Every module's route handlers by their path under `/api/`, whether the provider is on or off
 * (a handler answers for a provider that is off itself). Two modules may not claim one path:
 * that stops the portal at its first request rather than serving one of them by chance.
 */
const ROUTES = new Map<string, ProviderRoutes[string]>();
for (const m of PROVIDER_MODULES) {
  for (const [path, route] of Object.entries(m.routes ?? {})) {
    if (ROUTES.has(path)) throw new Error(`two provider modules declare the route /api/${path}`);
    ROUTES.set(path, route);
  }
}

/** The route handlers at a path under `/api/`, or undefined for a path no module has. */
export function providerRoute(path: string): ProviderRoutes[string] | undefined {
  return ROUTES.get(path);
}

/** The module whose logins produce an identity of this kind. */
export function moduleOfIdentityKind(kind: string): AnyModule | undefined {
  return PROVIDER_MODULES.find((m) => m.identityKinds.includes(kind));
}
