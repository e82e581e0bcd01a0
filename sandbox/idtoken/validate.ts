import { zValidator } from "@hono/zod-validator";
import type { ZodType } from "zod";
import { sandboxError } from "../shared/errors";

/**
 * A JSON body checked with zod, answered in the sandbox's own error shape when it does not fit.
 * No JSON content type counts as `{}`, so `curl -X POST` works on the control endpoints.
 */
export function jsonInput<T extends ZodType>(schema: T, expected: string) {
  return zValidator("json", schema, (result, c) => {
    if (!result.success) return sandboxError(c, 400, "invalid_request", `expected JSON ${expected}`);
  });
}
