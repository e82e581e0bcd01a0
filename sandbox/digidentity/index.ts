import { defineSandboxProvider } from "../shared/provider";
import { digidentityConfig, digidentityEnv } from "./config";
import { createDigidentity } from "./routes";
import { digidentitySettings } from "./settings";

/** Digidentity: web login, passwordless QR login, SERMI UID attributes, identity reports. */
export default defineSandboxProvider({
  key: "digidentity",
  env: digidentityEnv,
  config: digidentityConfig,
  mainClientId: (c) => c.clientId,
  create: createDigidentity,
  urls: (config) => [
    { label: "Digidentity issuer", url: digidentitySettings(config).issuer },
    { label: "Digidentity QR pages", url: `${config.publicUrl}/digidentity/app/qr/…` },
  ],
  phoneHint: "home.phone.digidentity",
});
