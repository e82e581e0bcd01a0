/**
 * Status-poll throughput: autocannon drives `GET /api/digidentity-qr/status` with real pending
 * logins (cookies from `POST /api/digidentity-qr/start`) and, in the same server and the same
 * run, the bare `GET /api/health` route handler. Runs alternate bare/poll so a noisy neighbour
 * hits both alike (several short rounds rather than one long one, because the neighbours' load
 * comes and goes); the figure is the ratio of their summed request rates.
 */
import autocannon from "autocannon";

export type LoadStats = { rps: number; p50: number; p95: number; p99: number; requests: number };

export type PollFigures = {
  pending: number;
  bare: LoadStats;
  poll: LoadStats;
  ratio: number;
};

/** Starts `count` real QR logins and returns their cookies (`name=value`). */
export async function startPendingLogins(portalUrl: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  // A few at a time: the point is to have them, not to load-test the start route.
  const batch = 10;
  for (let i = 0; i < count; i += batch) {
    const started = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, async () => {
        const res = await fetch(`${portalUrl}/api/digidentity-qr/start`, { method: "POST" });
        if (res.status !== 200) throw new Error(`start answered ${res.status}: ${await res.text()}`);
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith("digidentity-qr="));
        if (!cookie) throw new Error("start set no digidentity-qr cookie");
        return cookie.split(";")[0]!;
      }),
    );
    cookies.push(...started);
  }
  return cookies;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One autocannon run; `cookies` are spread over the requests round-robin. */
export async function load(url: string, connections: number, seconds: number, cookies?: string[]) {
  const latencies: number[] = [];
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // Each request carries the next login's cookie, so every pending login is polled alike.
    requests: [
      {
        method: "GET",
        setupRequest: (req) => {
          if (!cookies) return req;
          const cookie = cookies[next++ % cookies.length]!;
          return { ...req, headers: { ...req.headers, cookie } };
        },
      },
    ],
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
      });
    },
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { requests: result.requests.total, seconds: result.duration, latencies };
}

export function summarise(runs: { requests: number; seconds: number; latencies: number[] }[]): LoadStats {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const sorted = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    rps: requests / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requests,
  };
}

export async function measurePollThroughput(
  portalUrl: string,
  pending: number,
  options: { seconds: number; rounds: number },
): Promise<PollFigures> {
  const cookies = await startPendingLogins(portalUrl, pending);
  const bareUrl = `${portalUrl}/api/health`;
  const pollUrl = `${portalUrl}/api/digidentity-qr/status`;
  // Warm-up: JIT, connection pools, discovery cache, the first opening of each cookie.
  await load(bareUrl, pending, 2);
  await load(pollUrl, pending, 2, cookies);
  const bare = [];
  const poll = [];
  for (let round = 0; round < options.rounds; round++) {
    bare.push(await load(bareUrl, pending, options.seconds));
    poll.push(await load(pollUrl, pending, options.seconds, cookies));
  }
  const b = summarise(bare);
  const p = summarise(poll);
  return { pending, bare: b, poll: p, ratio: p.rps / b.rps };
}
