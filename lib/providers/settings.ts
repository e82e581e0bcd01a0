import "server-only";

import { notFound } from "next/navigation";

import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/route-handler";

import type { ProviderKey, ProvidersConfig } from "./catalog";

/*
 * What a provider's own pages, actions and route handlers ask about its settings: the
 * configuration only. Apart from registry.ts, which loads every module, so that no module depends
 * on the list of all the others (docs/architecture.md, "One list of providers").
 */

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
