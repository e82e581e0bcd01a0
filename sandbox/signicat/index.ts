import { defineSandboxProvider } from "../shared/provider";
import { signicatConfig, signicatEnv } from "./config";
import { createSignicat } from "./routes";
import { signicatSettings } from "./settings";

/** Signicat: MitID through the eID Hub and Enterprise, with the partner for Session Transfer. */
export default defineSandboxProvider({
  key: "signicat",
  env: signicatEnv,
  config: signicatConfig,
  mainClientId: (c) => c.clientId,
  create: createSignicat,
  urls: (config) => [
    { label: "Signicat issuer (eID Hub)", url: `${signicatSettings(config).base}/auth/open` },
    { label: "Signicat issuer (Enterprise)", url: `${signicatSettings(config).base}/oidc` },
  ],
  phoneHint: "home.phone.signicat",
});
