import type { Context } from "hono";

/**
 * Flattens request parameters into single values. RFC 6749 §3.1 forbids repeating a parameter;
 * answering undefined lets the caller refuse such a request instead of silently picking one value.
 */
export function singleValued(params: URLSearchParams): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(result, key)) return undefined;
    result[key] = value;
  }
  return result;
}

export function queryParams(c: Context): Record<string, string> | undefined {
  return singleValued(new URL(c.req.url).searchParams);
}

/** Whether the request body is application/x-www-form-urlencoded (multipart is not an OAuth body). */
export function isUrlencoded(c: Context): boolean {
  return /^application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header("content-type") ?? "");
}

/** The form body, or undefined when it is not application/x-www-form-urlencoded or repeats a field. */
export async function formParams(c: Context): Promise<Record<string, string> | undefined> {
  if (!isUrlencoded(c)) return undefined;
  return singleValued(new URLSearchParams(await c.req.text()));
}

/** JSON body of a control call; an empty body counts as `{}` so `curl -X POST` works. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
