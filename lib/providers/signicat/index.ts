import "server-only";

import { defineProviderModule } from "../types";

import { signicatDescriptor } from "./descriptor";

import { MitidIdentityView } from "./account-view";
import type { MitidIdentity } from "./identity";
import { MitidLoginChoices } from "./login-card";
import { SIGNICAT_ID, signicatProvider } from "./provider";
import { receiveHandover, startTransfer } from "./transfer-routes";

/** Signicat: Danish MitID with CPR matching, MitID Business and Private for Business. */
export default defineProviderModule<"signicat", MitidIdentity>({
  ...signicatDescriptor,
  authProviders: (cfg) => [signicatProvider(cfg)],
  oidcClients: (cfg) => ({ [SIGNICAT_ID]: cfg }),
  missingIdentityReason: "mitid_claims_missing",
  loginPlacement: [{ group: "dk-mitid", Card: MitidLoginChoices }],
  personName: (identity) => identity.name || undefined,
  AccountView: MitidIdentityView,
  routes: {
    // SP-A hands a MitID login over to a partner; SP-B receives one (docs/providers/signicat.md).
    "signicat/transfer/start": { POST: startTransfer },
    "signicat/transfer/receive": { POST: receiveHandover },
  },
});
