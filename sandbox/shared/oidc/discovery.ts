import { Hono } from "hono";

/**
 * A provider's discovery document (OpenID Connect Discovery §4) at
 * `/.well-known/openid-configuration`, and the same document under `/misissued/`: a fixture, not
 * a mode, as in a mix-up attack (an issuer URL whose document names another issuer, §4.3).
 * Discovery has no client to scope a mode to, so the fixture lives at its own address.
 */
export function openidConfigurationRoutes(document: Readonly<Record<string, unknown>>): Hono {
  const app = new Hono();
  app.get("/.well-known/openid-configuration", (c) => c.json(document));
  app.get("/misissued/.well-known/openid-configuration", (c) => c.json(document));
  return app;
}
