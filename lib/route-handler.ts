import "server-only";

import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";

import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";

/**
 * The one error shape every route handler answers with; `ref` names the log line of a refused
 * login, for the person to quote. The pages' fetchers throw it as `ApiError`
 * (components/ui/fetch-json.ts).
 */
export type ApiErrorBody = { error: string; message: string; ref?: string };

const NO_STORE = { "cache-control": "no-store" };

export function jsonError(
  status: number,
  error: string,
  message: string,
  { headers, ref }: { headers?: HeadersInit; ref?: string } = {},
): Response {
  return Response.json({ error, message, ...(ref ? { ref } : {}) } satisfies ApiErrorBody, {
    status,
    headers: { ...NO_STORE, ...Object.fromEntries(new Headers(headers)) },
  });
}

export function jsonOk(body: unknown, headers?: HeadersInit): Response {
  return Response.json(body, { headers: { ...NO_STORE, ...Object.fromEntries(new Headers(headers)) } });
}

const MAX_BODY_BYTES = 4096;

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * Parse a JSON body against a schema. No body at all counts as `{}` so a bare POST works;
 * anything else must be small, declared as JSON and match the schema exactly.
 */
export async function parseJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
): Promise<Parsed<z.infer<S>>> {
  // A JSON route takes its input from the body only: parameters in the URL are refused, not ignored.
  if (new URL(req.url).search !== "") {
    return {
      ok: false,
      response: jsonError(400, "invalid_request", "This route takes no query parameters."),
    };
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    return {
      ok: false,
      response: jsonError(413, "body_too_large", `The body must be under ${MAX_BODY_BYTES} bytes.`),
    };
  }
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) {
    return {
      ok: false,
      response: jsonError(413, "body_too_large", `The body must be under ${MAX_BODY_BYTES} bytes.`),
    };
  }
  let value: unknown = {};
  if (text.trim() !== "") {
    const type = req.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) {
      return {
        ok: false,
        response: jsonError(415, "unsupported_media_type", "Send the body as application/json."),
      };
    }
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, response: jsonError(400, "invalid_json", "The body is not valid JSON.") };
    }
  }
  return parseValue(schema, value);
}

/** Query parameters must match the schema too: unknown parameters are refused, not ignored. */
export function parseSearchParams<S extends z.ZodType>(req: Request, schema: S): Parsed<z.infer<S>> {
  const params = new URL(req.url).searchParams;
  const value: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k in value)
      return { ok: false, response: jsonError(400, "invalid_request", `Parameter "${k}" is repeated.`) };
    value[k] = v;
  }
  return parseValue(schema, value);
}

function parseValue<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
  return {
    ok: false,
    response: jsonError(400, "invalid_request", `${issue?.message ?? "Invalid input"}${where}`),
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not take. Next.js would answer them with an empty 405;
 * ours say so in the portal's one error shape and name the methods that do work (RFC 9110 §15.5.6).
 * Use: `export const { PUT, PATCH, DELETE } = otherMethodsRefused("GET", "POST");`
 */
export function otherMethodsRefused(...allowed: Method[]): Record<Method, (req: Request) => Response> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = (req: Request) =>
    jsonError(405, "method_not_allowed", `This address does not take ${req.method}. It takes ${allow}.`, {
      headers: { allow },
    });
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<Method, (req: Request) => Response>;
}

type ApiErrorText = keyof Messages["ApiErrors"];

/**
 * An error's `message` in the language of the page that asked (its locale cookie, else its
 * Accept-Language), since the portal's pages show it to people as it comes. The `error` code
 * stays the same in every language, for code to act on.
 */
export async function apiErrorText(
  key: ApiErrorText,
  values?: Record<string, string | number>,
): Promise<string> {
  return (await getTranslations("ApiErrors"))(key, values as never);
}

/**
 * A provider call failed (unreachable, or an answer the protocol does not allow): log it once,
 * under the caller's event name, and hand the error back. Anything that is not a ProviderError
 * is a bug, not an outage, and is rethrown. For callers that answer with something other than a
 * JSON error (a server action's result, a page's notice).
 */
export function logProviderFailure(e: unknown, event: string): ProviderError {
  if (!(e instanceof ProviderError)) throw e;
  log.warn({ event, reason: e.reason, detail: e.message }, "provider call failed");
  return e;
}

type ProviderFailureText = ApiErrorText | { unreachable: ApiErrorText; error: ApiErrorText };

/**
 * The one answer of a route handler whose provider call failed: logged once, then a 502 whose
 * `error` is the failure's reason (`provider_unreachable` or `provider_error`). `message` names
 * the text, or one text per reason; `provider` fills its `{provider}`. Anything that is not a
 * ProviderError is rethrown, so a catch block is `return providerFailureResponse(e, {...})`.
 */
export async function providerFailureResponse(
  e: unknown,
  opts: { event: string; message: ProviderFailureText; provider?: string },
): Promise<Response> {
  const failure = logProviderFailure(e, opts.event);
  const key =
    typeof opts.message === "string"
      ? opts.message
      : failure.reason === "provider_unreachable"
        ? opts.message.unreachable
        : opts.message.error;
  const values = opts.provider ? { provider: opts.provider } : undefined;
  return jsonError(502, failure.reason, await apiErrorText(key, values));
}
