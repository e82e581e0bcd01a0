import { serve } from "@hono/node-server";
import { createSandbox, sandboxUrls } from "./app";
import { ConfigError, parseSandboxConfig, type SandboxConfig } from "./config";

function configOrExit(): SandboxConfig {
  try {
    return parseSandboxConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const { app, upgrade } = await createSandbox(config);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Sandbox listening on http://${info.address}:${info.port}`);
    for (const { label, url } of sandboxUrls(config)) console.log(`  ${label.padEnd(22)} ${url}`);
  });

  server.on("upgrade", upgrade);
  // Keep idle connections longer than any client does (undici: 4 s by default, the portal's pool
  // 30 s), so a client never reuses a socket the sandbox is closing at that moment: under load
  // that race surfaced as "fetch failed" / "other side closed" on a control call.
  if ("keepAliveTimeout" in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }

  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${config.port} is already in use: stop the other process or set SANDBOX_PORT.`
        : `Sandbox server error: ${error.message}`,
    );
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox`);
    // Polling portals keep connections alive; do not let them hold the shutdown forever.
    setTimeout(() => process.exit(0), 3000).unref();
    server.close(() => process.exit(0));
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("Sandbox failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
