import "server-only";

import { Agent, request } from "undici";

/** A provider could not be reached, or answered something that is not what the protocol says. */
export class ProviderError extends Error {
  constructor(
    public readonly reason: "provider_unreachable" | "provider_error",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ProviderError";
  }
}

const TIMEOUT_MS = 10_000;

/**
 * One keep-alive pool per provider origin, shared by every request this instance makes. undici's
 * own `request` rather than `fetch`: a QR page polls every second, and the fetch layers (the
 * WHATWG streams, Next.js's caching wrapper) cost more than the call itself.
 */
const providerAgent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

type ProviderInit = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A form (sent as application/x-www-form-urlencoded) or a string with its own content-type. */
  body?: URLSearchParams | string;
};

/** A provider call with a timeout; network failures become a ProviderError("provider_unreachable"). */
export async function providerFetch(url: string, init: ProviderInit = {}): Promise<Response> {
  try {
    const res = await request(url, {
      method: init.method ?? "GET",
      headers: {
        ...(init.body instanceof URLSearchParams
          ? { "content-type": "application/x-www-form-urlencoded" }
          : {}),
        ...init.headers,
      },
      body: init.body?.toString(),
      dispatcher: providerAgent,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await res.body.arrayBuffer();
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    // A status without a body (204, 304) may not be given one, even an empty one.
    const nullBody = res.statusCode === 204 || res.statusCode === 304;
    return new Response(nullBody ? null : body, { status: res.statusCode, headers });
  } catch (cause) {
    throw new ProviderError("provider_unreachable", `could not reach ${new URL(url).origin}`, { cause });
  }
}

/** Read a JSON body; a body that is not JSON is a provider error, not a crash. */
export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError("provider_error", `expected JSON, got ${res.status} with a non-JSON body`);
  }
}
