/**
 * `npm run demo`: build the portal, then run portal + sandbox in production mode and print the
 * URLs, including the LAN one a phone uses to open the sandbox's phone-app page. Ctrl-C stops both.
 */
import { ConfigError, parseConfig } from "../lib/config-schema";
import { bin, lanAddress, run, startStack } from "./stack";

async function main() {
  try {
    parseConfig({ ...process.env, NODE_ENV: "production" });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`\n${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const portalPort = Number(process.env.PORTAL_PORT ?? 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4000);
  const lan = lanAddress();
  const publicUrl =
    process.env.SANDBOX_PUBLIC_URL ??
    (lan ? `http://${lan}:${sandboxPort}` : `http://localhost:${sandboxPort}`);

  if (!process.argv.includes("--no-build")) {
    console.log("Building the portal (next build)…");
    await run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  }

  const stack = await startStack({
    mode: "production",
    portalPort,
    sandboxPort,
    sandboxHost: process.env.SANDBOX_HOST ?? "0.0.0.0",
    sandboxPublicUrl: publicUrl,
  });

  console.log(`
  ┌──────────────────────────────────────────────────────────────────┐
    Portal   ${stack.portalUrl}
    Sandbox  ${stack.sandboxUrl}   (personas, control endpoints)
    Phone    ${publicUrl}   (QR codes point here; phone on the same network)
    Personas and their PINs: on the sandbox home page
  └──────────────────────────────────────────────────────────────────┘
  Press Ctrl-C to stop both.
`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping portal and sandbox…");
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
