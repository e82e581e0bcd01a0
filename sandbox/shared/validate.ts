import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { oauthError, sandboxError } from "./errors";
import { isUrlencoded } from "./forms";
import { firstIssue } from "./oauth-params";

/** A parameter sent twice arrives as an array (RFC 6749 §3.1 forbids repeating one). */
function describe(error: z.ZodError): string {
  const repeated = error.issues.find((i) => i.code === "invalid_type" && /array/.test(i.message));
  if (repeated) return `${String(repeated.path[0])} is repeated: RFC 6749 §3.1 forbids that`;
  return firstIssue(error);
}

/** An OAuth endpoint's form body (application/x-www-form-urlencoded), refused as `invalid_request`. */
export const oauthForm = <S extends z.ZodType>(schema: S) =>
  zValidator("form", schema, (result, c) => {
    if (!result.success)
      return oauthError(c, 400, "invalid_request", describe(result.error as unknown as z.ZodError));
  });

/**
 * Hono's form object with one string per field, or undefined when a field came twice: Hono
 * makes an array of a repeated field and of every `name[]` field, so a lone `name[]` is one value.
 */
function singleValues(form: unknown): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(form as Record<string, unknown>)) {
    const one = Array.isArray(value) && value.length === 1 && key.endsWith("[]") ? value[0] : value;
    if (typeof one !== "string") return undefined;
    result[key] = one;
  }
  return result;
}

/**
 * A form body read as `formParams` reads it (./forms.ts): application/x-www-form-urlencoded only,
 * no field sent twice (RFC 6749 §3.1). `refuse` answers any other body and one `schema` refuses.
 */
export const urlencodedForm = <S extends z.ZodType>(
  schema: S,
  refuse: (c: Context) => Response | Promise<Response>,
) =>
  zValidator("form", z.preprocess(singleValues, schema), (result, c) => {
    if (!result.success || !isUrlencoded(c)) return refuse(c);
  });

/** A page's form body (urlencoded or multipart); `refuse` renders the page that says what went wrong. */
export const pageForm = <S extends z.ZodType>(
  schema: S,
  refuse: (c: Context) => Response | Promise<Response>,
) =>
  zValidator("form", schema, (result, c) => {
    if (!result.success) return refuse(c);
  });

/**
 * A control call's JSON body, answered in the sandbox's own error shape with `usage` (what was
 * expected) when it does not fit. No JSON content type counts as `{}`, so `curl -X POST` works.
 */
export const controlJson = <S extends z.ZodType>(schema: S, usage: string) =>
  zValidator("json", schema, (result, c) => {
    if (!result.success) return sandboxError(c, 400, "invalid_request", usage);
  });

/** Malformed JSON or form bodies make Hono's validators throw; answer them in the sandbox's shape. */
export function validationErrorHandler(err: Error, c: Context): Response {
  if (err instanceof HTTPException && err.status === 400) {
    return c.req.path.includes("/control/")
      ? sandboxError(c, 400, "invalid_request", err.message)
      : oauthError(c, 400, "invalid_request", err.message);
  }
  throw err;
}
