import type { Provider } from "next-auth/providers";
import type { ReactNode } from "react";

import type { Device } from "@/lib/device";
import type { LoginErrorReason } from "@/lib/login-failure/reasons";
import type { OidcClient } from "@/lib/oidc/id-token";

import type { ProviderKey, ProvidersConfig } from "./catalog";

type Settings<K extends ProviderKey> = NonNullable<ProvidersConfig[K]>;

/** Server components a module brings; they may be async. */
type View<P> = (props: P) => ReactNode | Promise<ReactNode>;

/**
 * The login page's groups, in the order it shows them: what this deployment is for first (the
 * SERMI eID), then the other eIDs by scheme. The page names the groups; modules fill them.
 */
export const LOGIN_GROUPS = ["sermi", "dk-mitid", "bankid", "other"] as const;
export type LoginGroup = (typeof LOGIN_GROUPS)[number];

export type LoginCardProps = {
  problem?: string;
  /** Phones get the choices that work on the phone itself first. */
  device: Device;
  /** Another module offers the same eID in this group: the card says why one would pick it. */
  alongside: boolean;
};

/** A route handler of a module; the path's parameters, if any, are the module's to read. */
export type RouteHandler = (req: Request) => Promise<Response>;

/**
 * A module's route handlers by their path under `/api/` (e.g. `idura/headless/start`), each with
 * the methods it takes. `app/api/[...route]/route.ts` serves them, so a provider's handlers need
 * no file in `app/`; every other method of such a path gets the portal's JSON 405.
 */
export type ProviderRoutes = Readonly<Record<string, Partial<Record<"GET" | "POST", RouteHandler>>>>;

/** One block of a module's login choices and the group it belongs in. */
export type LoginPlacement = { group: LoginGroup; Card: View<LoginCardProps> };

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
  identityKinds: readonly string[];
  /** The Auth.js providers this module registers. */
  authProviders(cfg: Settings<K>): Provider[];
  /** OpenID clients whose ID tokens auth.ts verifies against the provider's keys, by Auth.js id. */
  oidcClients(cfg: Settings<K>): Record<string, OidcClient>;
  /** Why a login that came back without a usable identity is refused. */
  missingIdentityReason: LoginErrorReason;
  /** The module's login choices, each in its group of the login page. */
  loginPlacement: readonly LoginPlacement[];
  /** The account page's view of the identities its logins produce. */
  AccountView: View<{ identity: I; problem?: string }>;
  /** The person's name for the page header, when the provider gives one. */
  personName?: (identity: I) => string | undefined;
  /**
   * Extra links on the account page, if any; `callCentreAgent`: the signed-in person is one of
   * the deployment's agents (CALL_CENTRE_AGENTS), who alone are offered the call-centre page.
   */
  AccountLinks?: View<{ callCentreAgent: boolean }>;
  /** Its route handlers, if it has any (served by app/api/[...route]/route.ts). */
  routes?: ProviderRoutes;
};

export function defineProviderModule<K extends ProviderKey, I extends { kind: string }>(
  module: ProviderModule<K, I>,
): ProviderModule<K, I> {
  return module;
}
