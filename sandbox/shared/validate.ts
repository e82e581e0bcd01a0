import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { oauthError, sandboxError } from "./errors";
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
