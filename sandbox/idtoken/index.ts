import { defineSandboxProvider } from "../shared/provider";
import { idtokenConfig, idtokenEnv } from "./config";
import { createIdToken } from "./routes";
import { idtSettings } from "./settings";

/** IDToken: the operator API, the phone app and the approval socket. */
export default defineSandboxProvider({
  key: "idtoken",
  env: idtokenEnv,
  config: idtokenConfig,
  mainClientId: (c) => c.serviceId,
  create: createIdToken,
  urls: (config) => [{ label: "IDToken operator", url: idtSettings(config).issuer }],
  phoneHint: "home.phone.idtoken",
});
