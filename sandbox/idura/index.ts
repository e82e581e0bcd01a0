import { defineSandboxProvider } from "../shared/provider";
import { iduraConfig, iduraEnv } from "./config";
import { createIdura } from "./routes";
import { iduraSettings } from "./settings";

/** Idura Verify: web login, CIBA and headless Swedish BankID. */
export default defineSandboxProvider({
  key: "idura",
  env: iduraEnv,
  config: iduraConfig,
  mainClientId: (c) => c.clientId,
  create: createIdura,
  urls: (config) => [{ label: "Idura issuer", url: iduraSettings(config).issuer }],
  phoneHint: "home.phone.idura",
});
