/**
 * Every provider the portal can speak to, in the order the login page offers them: the part of
 * each that needs no server code (lib/providers/descriptor.ts). This is the one list: adding a
 * provider is its folder and one line here; lib/providers/registry.ts loads each one's module
 * through its descriptor (docs/architecture.md, "One list of providers").
 */
import { digidentityDescriptor } from "./digidentity/descriptor";
import { idtokenDescriptor } from "./idtoken/descriptor";
import { iduraDescriptor } from "./idura/descriptor";
import { signicatDescriptor } from "./signicat/descriptor";

export const PROVIDER_CATALOG = [
  digidentityDescriptor,
  signicatDescriptor,
  idtokenDescriptor,
  iduraDescriptor,
] as const;

type Descriptor = (typeof PROVIDER_CATALOG)[number];
export type ProviderKey = Descriptor["key"];

/** Each provider's settings, or undefined when the deployment does not have that provider. */
export type ProvidersConfig = {
  [D in Descriptor as D["key"]]?: ReturnType<D["build"]>;
};

/** The descriptor whose logins produce an identity of this kind, if any. */
export function descriptorOfIdentityKind(kind: string): Descriptor | undefined {
  return PROVIDER_CATALOG.find((d) => d.identityKinds.includes(kind));
}

/** The descriptor that names an Auth.js provider id, if any. */
export function descriptorOfAuthProvider(authProviderId: string | undefined): Descriptor | undefined {
  if (!authProviderId) return undefined;
  return PROVIDER_CATALOG.find((d) => d.authProviderIds.includes(authProviderId));
}
