/**
 * The portal's JSON error (`{error, message, ref?}`, `ApiErrorBody` in lib/route-handler.ts) as
 * the pages' fetchers throw it.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** From `Retry-After` (seconds) on a 429 or 503: when asking again may help. */
    public readonly retryAfterMs?: number,
    /** The log line of a refused login, for the person to quote. */
    public readonly ref?: string,
  ) {
    super(message);
  }
}

/** `Retry-After` in seconds (the portal never sends an HTTP date), as milliseconds. */
function retryAfterMs(res: Response): number | undefined {
  const seconds = Number(res.headers.get("retry-after") ?? NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * A call to one of the portal's route handlers: never cached, its JSON error thrown as ApiError.
 * The caller's headers are kept; `accept` defaults to JSON.
 */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  const res = await fetch(url, { ...init, cache: "no-store", headers });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string; ref?: string };
  if (!res.ok)
    throw new ApiError(
      res.status,
      body.error ?? "unknown",
      body.message ?? res.statusText,
      retryAfterMs(res),
      body.ref,
    );
  return body as T;
}

/** POST `body` as JSON to one of the portal's route handlers; errors as `fetchJson`'s. */
export function postJson<T>(url: string, body: unknown): Promise<T> {
  return fetchJson<T>(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
