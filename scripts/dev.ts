/** `npm run dev`: sandbox + `next dev`, for working on the portal. */
import { lanAddress, startStack } from "./stack";

async function main() {
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4000);
  const lan = lanAddress();
  const stack = await startStack({
    mode: "development",
    portalPort: Number(process.env.PORTAL_PORT ?? 3000),
    sandboxPort,
    sandboxHost: process.env.SANDBOX_HOST ?? "127.0.0.1",
    sandboxPublicUrl: process.env.SANDBOX_PUBLIC_URL ?? `http://localhost:${sandboxPort}`,
  });
  console.log(`\nPortal ${stack.portalUrl} · Sandbox ${stack.sandboxUrl}${lan ? ` · LAN ${lan}` : ""}\n`);
  const shutdown = async () => {
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
