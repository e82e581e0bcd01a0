import { Hono } from "hono";
import type { IdtSandboxConfig } from "./config";
import type { SandboxProvider } from "../shared/provider";
import { generateEs256Key } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { controlRoutes } from "./control";
import { idTokenHomeSection } from "./home-section";
import { operatorApiRoutes } from "./operator-api";
import { phoneAppRoutes } from "./phone-app";
import { idtSettings } from "./settings";
import { IdtState } from "./state";
import { socketUpgrade } from "./socket";

const PREFIX = "/idtoken";

/** The IDToken operator sandbox, mounted at /idtoken; its issuer is `${SANDBOX_ISSUER_BASE}/idtoken`. */
export async function createIdToken(config: IdtSandboxConfig, now: Clock): Promise<SandboxProvider> {
  const settings = idtSettings(config);
  const state = new IdtState(settings, await generateEs256Key(), now, await generateEs256Key());

  const routes = new Hono();
  routes.route("/", operatorApiRoutes(state));
  routes.route("/", phoneAppRoutes(state, PREFIX));
  routes.route("/", controlRoutes(state));

  return {
    prefix: PREFIX,
    name: "IDToken",
    routes,
    homeSection: () => idTokenHomeSection(settings, state.misbehaviour, PREFIX),
    upgrade: socketUpgrade(state, PREFIX),
  };
}
