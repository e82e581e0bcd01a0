import { Hono } from "hono";
import type { IduraSandboxConfig } from "./config";
import { misbehaviourRoutes } from "../shared/misbehaviour";
import type { SandboxProvider } from "../shared/provider";
import { loadSigningKey } from "../shared/signing-key";
import type { Clock } from "../shared/ttl-store";
import { bankIdAppRoutes } from "./bankid-app";
import { cibaRoutes } from "./ciba";
import { controlRoutes } from "./control";
import { headlessRoutes } from "./headless";
import { iduraHomeSection } from "./home-section";
import { metadataRoutes } from "./metadata";
import { iduraSettings } from "./settings";
import { IduraState, PREFIX } from "./state";
import { tokenRoutes } from "./token";
import { validationErrorHandler } from "../shared/validate";
import { webLoginRoutes } from "./web-login";

/** The Idura Verify sandbox, mounted at /idura; its issuer is `${SANDBOX_ISSUER_BASE}/idura`. */
export async function createIdura(config: IduraSandboxConfig, now: Clock): Promise<SandboxProvider> {
  const settings = iduraSettings(config);
  const state = new IduraState(settings, await loadSigningKey(), now, await loadSigningKey());

  const routes = new Hono();
  routes.onError(validationErrorHandler);
  routes.route("/", metadataRoutes(state));
  routes.route("/", webLoginRoutes(state));
  routes.route("/", tokenRoutes(state));
  routes.route("/", cibaRoutes(state));
  routes.route("/", headlessRoutes(state));
  routes.route("/", bankIdAppRoutes(state));
  routes.route("/", controlRoutes(state));
  routes.route("/", misbehaviourRoutes(state.misbehaviour));
  routes.route("/", state.issued.routes());

  return {
    prefix: PREFIX,
    name: "Idura Verify",
    routes,
    homeSection: () => iduraHomeSection(settings, state.misbehaviour),
  };
}
