import "server-only";

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

/** fetch with a timeout; network failures become a ProviderError("provider_unreachable"). */
export async function providerFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) });
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
