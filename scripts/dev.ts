/** `npm run dev`: sandbox + `next dev`, for working on the portal. */
import { assertPortsFree, lanAddress, PortTakenError, startStack } from "./stack";

async function main() {
  const portalPort = Number(process.env.PORTAL_PORT ?? 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4000);
  const sandboxHost = process.env.SANDBOX_HOST ?? "127.0.0.1";
  const lan = lanAddress();
  await assertPortsFree([
    { port: portalPort, variable: "PORTAL_PORT", name: "portal", host: "0.0.0.0" },
    { port: sandboxPort, variable: "SANDBOX_PORT", name: "sandbox", host: sandboxHost },
  ]);
  const stack = await startStack({
    mode: "development",
    portalPort,
    sandboxPort,
    sandboxHost,
    sandboxPublicUrl: process.env.SANDBOX_PUBLIC_URL ?? `http://localhost:${sandboxPort}`,
  });
  console.log(`\nPortal ${stack.portalUrl} · Sandbox ${stack.sandboxUrl}${lan ? ` · LAN ${lan}` : ""}\n`);
  const shutdown = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  process.on("SIGHUP", shutdown);
}

main().catch((e) => {
  console.error(e instanceof PortTakenError ? `\n${e.message}\n` : e instanceof Error ? e.message : e);
  process.exit(1);
});
