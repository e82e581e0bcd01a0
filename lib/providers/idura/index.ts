import "server-only";

import { defineProviderModule } from "../types";

import { iduraDescriptor } from "./descriptor";

import { NordicEidIdentityView } from "./account-view";
import { iduraBankIdProvider } from "./bankid";
import type { NordicEidIdentity } from "./identity";
import { IduraAccountLinks, IduraBankIdCard, IduraMitidCard } from "./login-card";
import { cibaStatus, headlessStart, headlessStatus } from "./routes";
import { IDURA_ID, iduraProvider } from "./web";

/** Idura Verify: MitID and BankID web login, headless BankID, CIBA for call centres. */
export default defineProviderModule<"idura", NordicEidIdentity>({
  ...iduraDescriptor,
  authProviders: (cfg) => [iduraProvider(cfg), iduraBankIdProvider(cfg)],
  oidcClients: (cfg) => ({ [IDURA_ID]: cfg }),
  // Idura vouched for the person; a token without the claims we need is a malformed answer.
  missingIdentityReason: "provider_error",
  loginPlacement: [
    { group: "dk-mitid", Card: IduraMitidCard },
    { group: "bankid", Card: IduraBankIdCard },
  ],
  personName: (identity) => identity.name || undefined,
  AccountView: NordicEidIdentityView,
  AccountLinks: IduraAccountLinks,
  routes: {
    "idura/ciba/status": { GET: cibaStatus },
    "idura/headless/start": { POST: headlessStart },
    "idura/headless/status": { GET: headlessStatus },
  },
});
