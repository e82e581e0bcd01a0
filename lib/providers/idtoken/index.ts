import "server-only";

import { defineProviderModule } from "../types";

import { idtokenDescriptor } from "./descriptor";

import { IdTokenIdentityView } from "./account-view";
import type { IdTokenIdentity } from "./identity";
import { IdtokenLoginCard } from "./login-card";
import { idTokenProvider } from "./provider";

/** IDToken: a one-time code in the browser, approval on the token holder's device. */
export const idtokenModule = defineProviderModule<"idtoken", IdTokenIdentity>({
  ...idtokenDescriptor,
  authProviders: (cfg) => [idTokenProvider(cfg)],
  // Not an OpenID provider: its JWT is verified before sign-in, in ./provider.ts.
  oidcClients: () => ({}),
  missingIdentityReason: "provider_error",
  loginPlacement: "card",
  LoginCard: IdtokenLoginCard,
  identityKinds: ["idtoken"],
  personName: (identity) => (identity.name ? `${identity.name.given} ${identity.name.family}` : undefined),
  AccountView: IdTokenIdentityView,
});
