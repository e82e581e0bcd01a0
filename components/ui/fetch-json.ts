/** The portal's JSON error (`{error, message}`) as the pages' fetchers throw it. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** From `Retry-After` (seconds) on a 429 or 503: when asking again may help. */
    public readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** `Retry-After` in seconds (the portal never sends an HTTP date), as milliseconds. */
function retryAfterMs(res: Response): number | undefined {
  const seconds = Number(res.headers.get("retry-after") ?? NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A call to one of the portal's route handlers: never cached, its JSON error thrown as ApiError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, cache: "no-store", headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok)
    throw new ApiError(
      res.status,
      body.error ?? "unknown",
      body.message ?? res.statusText,
      retryAfterMs(res),
    );
  return body as T;
}
