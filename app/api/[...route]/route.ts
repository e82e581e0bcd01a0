import { providerRoute } from "@/lib/providers/registry";
import { jsonError, otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ route: string[] }> };

/**
 * Every provider's route handlers, found by path in the modules (lib/providers/registry.ts), so
 * a provider adds its handlers in its own folder and none in `app/`. `/api/auth/*`, `/api/health`
 * and `/api/ready` have files of their own, which Next.js matches before this one.
 */
function serve(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE") {
  return async (req: Request, { params }: Context): Promise<Response> => {
    const route = await providerRoute((await params).route.join("/"));
    if (!route) return jsonError(404, "not_found", "There is nothing at this address.");
    const handler = method === "GET" || method === "POST" ? route[method] : undefined;
    if (handler) return handler(req);
    const allowed = (["GET", "POST"] as const).filter((m) => route[m]);
    return otherMethodsRefused(...allowed)[method](req);
  };
}

export const GET = serve("GET");
export const POST = serve("POST");
export const PUT = serve("PUT");
export const PATCH = serve("PATCH");
export const DELETE = serve("DELETE");
