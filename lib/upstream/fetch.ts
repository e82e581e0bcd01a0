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

/** RFC 6749 §2.3.1: client_secret_basic form-encodes id and secret before base64. */
export function basicAuth(clientId: string, clientSecret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString("base64")}`;
}

/**
 * A form POST to a provider's token-type endpoint (token, CIBA, headless) with client_secret_basic,
 * and its JSON answer: the call every provider in this portal makes the same way.
 */
export async function postFormWithClientSecret(
  client: { clientId: string; clientSecret: string },
  url: string,
  fields: Record<string, string>,
): Promise<{ res: Response; body: unknown }> {
  const res = await providerFetch(url, {
    method: "POST",
    headers: {
      authorization: basicAuth(client.clientId, client.clientSecret),
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: new URLSearchParams(fields),
  });
  return { res, body: await readJson(res) };
}
