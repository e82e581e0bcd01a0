import type { Provider } from "next-auth/providers";
import type { ReactNode } from "react";

import type { LoginErrorReason } from "@/lib/login-failure/reasons";
import type { OidcClient } from "@/lib/oidc/id-token";

import type { ProviderKey, ProvidersConfig } from "./catalog";

type Settings<K extends ProviderKey> = NonNullable<ProvidersConfig[K]>;

/** Server components a module brings; they may be async. */
type View<P> = (props: P) => ReactNode | Promise<ReactNode>;

/**
 * Everything the rest of the portal knows about one provider. auth.ts, the login, account and
 * error pages iterate these records (lib/providers/registry.ts) and never name a provider;
 * docs/architecture.md shows how to add one.
 */
export type ProviderModule<
  K extends ProviderKey = ProviderKey,
  I extends { kind: string } = { kind: string },
> = {
  /** From its descriptor (lib/providers/descriptor.ts): the names and the error codes. */
  key: K;
  displayName: string;
  authProviderIds: readonly string[];
  providerErrors: Readonly<Record<string, LoginErrorReason>>;
  /** The Auth.js providers this module registers. */
  authProviders(cfg: Settings<K>): Provider[];
  /** OpenID clients whose ID tokens auth.ts verifies against the provider's keys, by Auth.js id. */
  oidcClients(cfg: Settings<K>): Record<string, OidcClient>;
  /** Why a login that came back without a usable identity is refused. */
  missingIdentityReason: LoginErrorReason;
  /** Where the login page shows its choices: among the cards, or as a section below them. */
  loginPlacement: "card" | "section";
  LoginCard: View<{ problem?: string }>;
  /** The identity kinds its logins produce, and the account page's view of them. */
  identityKinds: readonly I["kind"][];
  AccountView: View<{ identity: I; problem?: string }>;
  /** The person's name for the page header, when the provider gives one. */
  personName?: (identity: I) => string | undefined;
  /** Extra links on the account page (e.g. the call-centre page), if any. */
  AccountLinks?: View<object>;
};

export function defineProviderModule<K extends ProviderKey, I extends { kind: string }>(
  module: ProviderModule<K, I>,
): ProviderModule<K, I> {
  return module;
}
