import "server-only";

import { apiErrorText, jsonError } from "../route-handler";
import { log } from "../log";
import { isSharedStateUnavailable } from "./errors";

/**
 * The answer of a route handler whose login needs the shared state while Redis cannot give it:
 * 503 `{error: "state_unavailable"}` with a Retry-After, and one log line. Null for any other
 * error, which the caller rethrows.
 */
export async function stateUnavailableResponse(e: unknown, route: string): Promise<Response | null> {
  if (!isSharedStateUnavailable(e)) return null;
  log.error(
    { event: "state_unavailable", route, operation: e.operation, detail: e.message },
    "shared state unavailable: request refused",
  );
  return jsonError(503, "state_unavailable", await apiErrorText("stateUnavailable"), {
    headers: { "retry-after": "2" },
  });
}

/** A login start refused because this instance is shutting down (the load balancer retries elsewhere). */
export async function shuttingDownResponse(): Promise<Response> {
  return jsonError(503, "shutting_down", await apiErrorText("shuttingDown"), {
    headers: { "retry-after": "1", connection: "close" },
  });
}
