import "server-only";

import { defineProviderModule } from "../types";

import { digidentityDescriptor } from "./descriptor";

import { SermiIdentityView } from "./account-view";
import type { SermiIdentity } from "./identity";
import { DigidentityLoginCard } from "./login-card";
import { digidentityQrProvider } from "./qr-provider";
import { documentPhoto, qrLoginStatus, startQrLogin } from "./routes";
import { digidentityProvider } from "./web";

/** Digidentity: web login and passwordless QR login, with SERMI UID attributes. */
export default defineProviderModule<"digidentity", SermiIdentity>({
  ...digidentityDescriptor,
  authProviders: (cfg) => [digidentityProvider(cfg), digidentityQrProvider(cfg)],
  // None: an ID token is optional at Digidentity, so the module verifies one itself when it
  // comes (web.ts, tokens.ts) instead of auth.ts demanding one (docs/providers/digidentity.md).
  oidcClients: () => ({}),
  // A Digidentity login without UID attributes is a person the CAB has not authorised.
  missingIdentityReason: "no_uid_attributes",
  loginPlacement: [{ group: "sermi", Card: DigidentityLoginCard }],
  AccountView: SermiIdentityView,
  routes: {
    "digidentity-qr/start": { POST: startQrLogin },
    "digidentity-qr/status": { GET: qrLoginStatus },
    "digidentity/report/photo": { GET: documentPhoto },
  },
});
