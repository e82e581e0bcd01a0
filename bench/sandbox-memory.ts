/**
 * Sandbox memory per pending QR login: builds the sandbox in-process, starts 10 000 passwordless
 * logins through `app.request()` and divides the heap growth by the count. Run by bench/run.ts as
 * `node --expose-gc --import tsx bench/sandbox-memory.ts`; prints one JSON line.
 */
import { createSandboxApp } from "../sandbox/app";
import { parseSandboxConfig } from "../sandbox/config";

const COUNT = Number(process.env.BENCH_PENDING ?? 10_000);
const WARM_UP = 200;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

function settle(): number {
  // Twice: the first pass can leave objects that only the second frees (weak refs, finalisers).
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

async function startLogins(app: Awaited<ReturnType<typeof createSandboxApp>>, count: number) {
  const query = new URLSearchParams({
    client_id: "rmi-portal-demo",
    scope: "sandbox0product1 openid sermi",
    response_type: "code",
    nonce: "bench-nonce-0123456789",
  });
  for (let i = 0; i < count; i++) {
    const res = await app.request(`/digidentity/oauth2/authorize.json?${query}`);
    if (res.status !== 200) throw new Error(`authorize.json answered ${res.status}`);
    await res.arrayBuffer();
  }
}

async function main() {
  const app = await createSandboxApp(parseSandboxConfig({}));
  // Warm up code paths and caches, then forget those sessions.
  await startLogins(app, WARM_UP);
  await app.request("/digidentity/control/reset", { method: "POST" });
  const before = settle();
  await startLogins(app, COUNT);
  const after = settle();
  console.log(JSON.stringify({ count: COUNT, before, after, bytesPerLogin: (after - before) / COUNT }));
}

void main();
