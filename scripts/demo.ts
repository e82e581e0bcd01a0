/**
 * `npm run demo`: portal + sandbox in production mode, built first unless the build is fresh.
 * Prints which address to open on the computer and on a phone. Ctrl-C, SIGTERM or SIGHUP stop
 * both (and what they started); so does the end of the process that started the demo.
 *
 *   --no-build   never build (fails when there is no build)
 *   --build      always build
 *
 * Environment (docs/demo.md): PORTAL_PORT, SANDBOX_PORT, DEMO_LOOPBACK_ONLY=on (the sandbox on
 * 127.0.0.1 only; phones cannot reach it), DEMO_PORTAL_ON_LAN=on (the portal at the LAN address,
 * for phones too), SANDBOX_HOST, SANDBOX_PUBLIC_URL.
 */
import { ConfigError, parseConfig } from "../lib/config-schema";
import { buildFreshness, stampBuild } from "./build-freshness";
import {
  assertPortsFree,
  bin,
  isLoopback,
  lanAddress,
  PortTakenError,
  root,
  run,
  startStack,
  type Stack,
} from "./stack";

class DemoError extends Error {}

const on = (value: string | undefined) => value !== undefined && /^(on|1|true|yes)$/i.test(value);

function port(variable: "PORTAL_PORT" | "SANDBOX_PORT", fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new DemoError(`${variable} must be a port number (1-65535), not "${raw}".`);
  return value;
}

/** What to stop on a signal; a signal during the build or the start stops what exists by then. */
let stack: Stack | undefined;
let stopping: string | undefined;
async function shutdown(why: string) {
  if (stopping) return;
  stopping = why;
  if (!stack) return; // main() stops it as soon as it exists; a build in progress gets the signal itself.
  console.log(`\n${why}: stopping portal and sandbox…`);
  await stack.stop();
  console.log("Stopped.");
  process.exit(0);
}

function stopOnSignals() {
  process.on("SIGINT", () => void shutdown("Ctrl-C"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  // `npm run demo` runs this under npm, sh and tsx; if one of them ends without passing a signal
  // on, this process is handed to another parent: stop rather than leave the servers behind.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown("The process that started the demo ended");
  }, 500).unref();
}

async function main() {
  stopOnSignals();
  const args = process.argv.slice(2);
  const portalPort = port("PORTAL_PORT", 3000);
  const sandboxPort = port("SANDBOX_PORT", 4000);
  if (portalPort === sandboxPort)
    throw new DemoError(`PORTAL_PORT and SANDBOX_PORT are both ${portalPort}; give them different ports.`);

  const loopbackOnly = on(process.env.DEMO_LOOPBACK_ONLY);
  const portalOnLan = on(process.env.DEMO_PORTAL_ON_LAN);
  const lan = lanAddress();
  if (portalOnLan && loopbackOnly)
    throw new DemoError("DEMO_PORTAL_ON_LAN=on and DEMO_LOOPBACK_ONLY=on exclude each other: choose one.");
  if (portalOnLan && !lan)
    throw new DemoError("DEMO_PORTAL_ON_LAN=on, but this computer has no network address (IPv4) to offer.");

  const sandboxHost = process.env.SANDBOX_HOST ?? (loopbackOnly ? "127.0.0.1" : "0.0.0.0");
  if (portalOnLan && isLoopback(sandboxHost))
    throw new DemoError(
      `DEMO_PORTAL_ON_LAN=on needs the sandbox on the network too, but SANDBOX_HOST is ${sandboxHost}.`,
    );
  const sandboxOnNetwork = !isLoopback(sandboxHost);
  // One address per server that works for every login: cookies, redirect URIs and issuers are
  // bound to it. The portal listens only there, so no other address half-works.
  const portalHost = portalOnLan ? lan! : "127.0.0.1";
  const portalUrl = portalOnLan ? `http://${lan}:${portalPort}` : `http://localhost:${portalPort}`;
  const sandboxUrl = portalOnLan ? `http://${lan}:${sandboxPort}` : `http://localhost:${sandboxPort}`;
  const publicUrl =
    process.env.SANDBOX_PUBLIC_URL ??
    (sandboxOnNetwork && lan ? `http://${lan}:${sandboxPort}` : `http://localhost:${sandboxPort}`);

  await assertPortsFree([
    { port: portalPort, variable: "PORTAL_PORT", name: "portal", host: portalHost },
    { port: sandboxPort, variable: "SANDBOX_PORT", name: "sandbox", host: sandboxHost },
  ]);

  const env: Record<string, string | undefined> = portalOnLan
    ? {
        AUTH_URL: process.env.AUTH_URL ?? portalUrl,
        SANDBOX_URL: process.env.SANDBOX_URL ?? sandboxUrl,
        SANDBOX_ISSUER_BASE: process.env.SANDBOX_ISSUER_BASE ?? sandboxUrl,
        SANDBOX_PORTAL_URL: process.env.SANDBOX_PORTAL_URL ?? portalUrl,
      }
    : {};
  try {
    parseConfig({ ...process.env, PORTAL_PORT: String(portalPort), ...env, NODE_ENV: "production" });
  } catch (e) {
    if (e instanceof ConfigError) throw new DemoError(e.message);
    throw e;
  }

  const freshness = buildFreshness(root);
  if (args.includes("--no-build")) {
    if (freshness.why === "there is no build yet")
      throw new DemoError("--no-build, but there is no build: run `npm run demo` without it once.");
    if (!freshness.fresh) console.log(`Not building (--no-build), although ${freshness.why}.`);
  } else if (freshness.fresh && !args.includes("--build")) {
    console.log(`The build is fresh (${freshness.why}): not building. --build forces a build.`);
  } else {
    console.log(`Building the portal (next build), because ${freshness.fresh ? "--build" : freshness.why}…`);
    await run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    stampBuild(root);
  }
  if (stopping) process.exit(0);

  stack = await startStack({
    mode: "production",
    portalPort,
    sandboxPort,
    portalHost,
    portalUrl,
    sandboxHost,
    sandboxUrl,
    sandboxPublicUrl: publicUrl,
    env,
  });

  const lines = [
    `On this computer, open   ${stack.portalUrl}   (the portal)`,
    `Sandbox                  ${stack.sandboxUrl}   (personas, PINs, control switches)`,
    isLoopback(new URL(publicUrl).hostname)
      ? "Phones                   cannot reach the sandbox (loopback only); use the phone pages' links on this computer"
      : `Phones, same network     ${publicUrl}   (QR codes point here)`,
    "What to click and type for every provider: docs/demo.md",
    "",
    portalOnLan
      ? `The portal answers only at ${stack.portalUrl}, on this computer and on phones; not at localhost.`
      : `The portal answers only at ${stack.portalUrl} (logins are bound to that address); to show it on a phone: DEMO_PORTAL_ON_LAN=on npm run demo`,
    sandboxOnNetwork
      ? `Note: the sandbox listens on the network (${sandboxHost}:${sandboxPort}): anyone on this network can open its pages and control endpoints (approve pending logins, switch misbehaviour on). Loopback only, no phones: DEMO_LOOPBACK_ONLY=on npm run demo`
      : `The sandbox listens on ${sandboxHost} only: nothing on the network can reach it.`,
  ];
  if (stopping) {
    const why = stopping;
    stopping = undefined;
    return shutdown(why);
  }
  console.log(`\n${lines.map((l) => `  ${l}`).join("\n")}\n\n  Ready. Press Ctrl-C to stop both.\n`);
}

main().catch((e) => {
  if (e instanceof DemoError || e instanceof PortTakenError) console.error(`\n${e.message}\n`);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
