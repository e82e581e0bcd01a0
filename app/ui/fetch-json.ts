/** The portal's JSON error (`{error, message}`) as the pages' fetchers throw it. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A call to one of the portal's route handlers: never cached, its JSON error thrown as ApiError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, cache: "no-store", headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? "unknown", body.message ?? res.statusText);
  return body as T;
}
