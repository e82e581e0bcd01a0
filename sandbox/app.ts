import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { contextStorage } from "hono/context-storage";
import type { SandboxConfig } from "./config";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { homePage } from "./home";
import { SANDBOX_PROVIDERS } from "./providers";
import { sandboxError } from "./shared/errors";
import { LANGUAGE_QUERY, LANGUAGES, languageMiddleware } from "./shared/i18n";
import { sendPage } from "./shared/layout";
import type { SandboxProvider } from "./shared/provider";
import type { Clock } from "./shared/ttl-store";

/**
 * Builds the sandbox without listening, so tests can call `app.request()`. Async because signing
 * keys are generated or imported first. `now` lets tests move time to expire codes and sessions.
 */
export async function createSandboxApp(config: SandboxConfig, options: { now?: Clock } = {}): Promise<Hono> {
  return (await createSandbox(config, options)).app;
}

export interface Sandbox {
  app: Hono;
  /** For the node server's `upgrade` event: WebSockets (IDToken's) live outside Hono's fetch. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export async function createSandbox(config: SandboxConfig, options: { now?: Clock } = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const providers: SandboxProvider[] = [];
  // One after the other, in the list's order: the home page shows them so.
  for (const definition of SANDBOX_PROVIDERS) providers.push(await definition.create(config, now));
  const app = new Hono();

  app.use(
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => sandboxError(c, 413, "payload_too_large", "request body is larger than 64 kB"),
    }),
  );

  // Pages read the request's language through the context storage, so no route hands it around.
  app.use(contextStorage());
  app.use(languageMiddleware());

  app.get("/health", (c) => c.json({ ok: true }));
  app.get("/", async (c) => sendPage(c, await homePage(config, providers)));
  // The switcher on a page that answered a form: the cookie is set, and 204 keeps that page shown.
  app.get("/language", (c) => {
    const language = c.req.query(LANGUAGE_QUERY) ?? "";
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      return sandboxError(c, 400, "invalid_request", `lang must be one of: ${LANGUAGES.join(", ")}`);
    }
    return c.body(null, 204, { "Cache-Control": "no-store" });
  });
  for (const provider of providers) app.route(provider.prefix, provider.routes);

  app.notFound((c) => sandboxError(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // The message is enough to debug a sandbox; a stack trace would only leak file paths.
    console.error(`sandbox: ${c.req.method} ${c.req.path} failed:`, error.message);
    return sandboxError(c, 500, "server_error", error.message);
  });

  return {
    app,
    upgrade(req, socket, head) {
      for (const provider of providers) if (provider.upgrade?.(req, socket, head)) return;
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    },
  };
}

/** The addresses worth printing at start-up. */
export function sandboxUrls(config: SandboxConfig): { label: string; url: string }[] {
  return [
    { label: "Home", url: `${config.issuerBase}/` },
    { label: "Health", url: `${config.issuerBase}/health` },
    ...SANDBOX_PROVIDERS.flatMap((definition) => definition.urls(config)),
  ];
}
