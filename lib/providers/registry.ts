import "server-only";

import { getConfig } from "@/lib/config";

import {
  descriptorOfAuthProvider,
  descriptorOfIdentityKind,
  PROVIDER_CATALOG,
  type ProviderKey,
} from "./catalog";
import type { ProviderModule, ProviderRoutes } from "./types";

type AnyModule = ProviderModule<ProviderKey, { kind: string }>;

type Loaded = {
  /** Every module, in the catalog's order (the order the login page offers them). */
  modules: readonly AnyModule[];
  byKey: ReadonlyMap<ProviderKey, AnyModule>;
  routes: ReadonlyMap<string, ProviderRoutes[string]>;
};

let loaded: Promise<Loaded> | undefined;

/**
 * Each catalog entry's server side, loaded once through its descriptor's `load()`: the catalog
 * (catalog.ts) is the one list of providers, and this file names none of them
 * (docs/architecture.md, "One list of providers"). A module must be its own descriptor's key.
 * Every module's route handlers are collected by their path under `/api/`, whether the provider
 * is on or off (a handler answers for a provider that is off itself); two modules may not claim
 * one path, which stops the portal at its first request rather than serving one of them by chance.
 */
function load(): Promise<Loaded> {
  loaded ??= Promise.all(
    PROVIDER_CATALOG.map(async (d) => {
      const m = (await d.load()).default as unknown as AnyModule;
      if (m.key !== d.key) throw new Error(`lib/providers/${d.key}/index.ts exports the module of ${m.key}`);
      return m;
    }),
  ).then((modules) => {
    const routes = new Map<string, ProviderRoutes[string]>();
    for (const m of modules) {
      for (const [path, route] of Object.entries(m.routes ?? {})) {
        if (routes.has(path)) throw new Error(`two provider modules declare the route /api/${path}`);
        routes.set(path, route);
      }
    }
    return { modules, byKey: new Map(modules.map((m) => [m.key, m])), routes };
  });
  return loaded;
}

/** The modules this deployment has turned on (docs/configuration.md), in the catalog's order. */
export async function enabledModules(): Promise<AnyModule[]> {
  const { providers } = getConfig();
  return (await load()).modules.filter((m) => providers[m.key] !== undefined);
}

/** The module that registered an Auth.js provider id, if any. */
export async function moduleOfAuthProvider(
  authProviderId: string | undefined,
): Promise<AnyModule | undefined> {
  const descriptor = descriptorOfAuthProvider(authProviderId);
  return descriptor && (await load()).byKey.get(descriptor.key);
}

/** The route handlers at a path under `/api/`, or undefined for a path no module has. */
export async function providerRoute(path: string): Promise<ProviderRoutes[string] | undefined> {
  return (await load()).routes.get(path);
}

/** The module whose logins produce an identity of this kind. */
export async function moduleOfIdentityKind(kind: string): Promise<AnyModule | undefined> {
  const descriptor = descriptorOfIdentityKind(kind);
  return descriptor && (await load()).byKey.get(descriptor.key);
}
