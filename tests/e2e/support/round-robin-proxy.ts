import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";

/** One request the proxy passed on: to which upstream, and (for recorded paths) its body. */
export type ProxiedRequest = { upstream: number; method: string; path: string; body?: string };

/**
 * A small round-robin HTTP proxy on loopback, for tests with several portal instances (or a
 * counting pass-through in front of the sandbox with one upstream). Strict alternation per
 * request, no stickiness, no retries. `x-test-upstream: <index>` pins one request to one
 * upstream; the header is not passed on. X-Forwarded-For gets the client's address appended,
 * as a load balancer's would (so the portals run with TRUSTED_PROXY_HOPS=1).
 */
export async function startRoundRobinProxy(
  port: number,
  upstreams: string[],
  options: { record?: (method: string, path: string) => boolean } = {},
) {
  let next = 0;
  const seen: ProxiedRequest[] = [];
  const targets = upstreams.map((u) => new URL(u));

  const pick = (req: IncomingMessage): number | undefined => {
    const pinned = req.headers["x-test-upstream"];
    if (pinned !== undefined) {
      const i = Number(pinned);
      return Number.isInteger(i) && i >= 0 && i < targets.length ? i : undefined;
    }
    const i = next;
    next = (next + 1) % targets.length;
    return i;
  };

  const server: Server = createServer((req, res) => {
    const index = pick(req);
    if (index === undefined) {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad x-test-upstream");
      return;
    }
    const target = targets[index]!;
    const headers = { ...req.headers };
    delete headers["x-test-upstream"];
    const client = req.socket.remoteAddress ?? "127.0.0.1";
    headers["x-forwarded-for"] = headers["x-forwarded-for"]
      ? `${String(headers["x-forwarded-for"])}, ${client}`
      : client;
    const entry: ProxiedRequest = { upstream: index, method: req.method ?? "GET", path: req.url ?? "/" };
    seen.push(entry);
    const recordBody = options.record?.(entry.method, entry.path) ?? false;
    const chunks: Buffer[] = [];

    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        agent: false,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`upstream ${index} failed: ${e.message}`);
    });
    req.on("data", (c: Buffer) => {
      if (recordBody) chunks.push(c);
      upstream.write(c);
    });
    req.on("end", () => {
      if (recordBody) entry.body = Buffer.concat(chunks).toString("utf8");
      upstream.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  return {
    /** As browsers reach it: `localhost`, the origin the portals' AUTH_URL names. */
    url: `http://localhost:${port}`,
    /** Every request passed on so far (a live array). */
    requests: seen,
    /** The requests since `mark` (an index into `requests`). */
    since: (mark: number) => seen.slice(mark),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RoundRobinProxy = Awaited<ReturnType<typeof startRoundRobinProxy>>;
