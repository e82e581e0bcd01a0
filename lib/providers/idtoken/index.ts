import "server-only";

import { defineProviderModule } from "../types";

import { idtokenDescriptor } from "./descriptor";

import { IdtIdentityView } from "./account-view";
import type { IdtIdentity } from "./identity";
import { IdtLoginCard } from "./login-card";
import { idtProvider } from "./provider";
import { completeIdtApproval, startIdtLogin } from "./routes";

/** IDToken: a one-time code in the browser, approval on the token holder's device. */
export default defineProviderModule<"idtoken", IdtIdentity>({
  ...idtokenDescriptor,
  authProviders: (cfg) => [idtProvider(cfg)],
  // Not an OpenID provider: its JWT is verified before sign-in, in ./provider.ts.
  oidcClients: () => ({}),
  missingIdentityReason: "provider_error",
  loginPlacement: [{ group: "other", Card: IdtLoginCard }],
  personName: (identity) => (identity.name ? `${identity.name.given} ${identity.name.family}` : undefined),
  AccountView: IdtIdentityView,
  routes: {
    "idtoken/start": { POST: startIdtLogin },
    "idtoken/complete": { POST: completeIdtApproval },
  },
});
