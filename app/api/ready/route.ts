import { jsonError, otherMethodsRefused } from "@/lib/route-handler";
import { sharedStateReachable } from "@/lib/state";
import { isDraining } from "@/lib/state/lifecycle";
import { configMismatches } from "@/lib/state/startup";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer: 200 while this instance can take logins; 503 while it shuts
 * down, while the Redis it is configured with does not answer, or when its AUTH_SECRET or
 * Server Actions key differs from the other instances'. /api/health stays plain liveness.
 */
export async function GET() {
  if (isDraining()) return jsonError(503, "shutting_down", "This instance is shutting down.");
  const store = await sharedStateReachable();
  if (!store.ok)
    return jsonError(503, "state_unavailable", `The shared state (${store.store}) does not answer.`);
  const differing = configMismatches();
  if (differing.length > 0) {
    return jsonError(503, "config_mismatch", `${differing.join(", ")} differ from the other instances'.`);
  }
  return Response.json({ ok: true, store: store.store }, { headers: { "cache-control": "no-store" } });
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
