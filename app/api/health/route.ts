import { otherMethodsRefused } from "@/lib/route-handler";

export const dynamic = "force-dynamic";

/** Liveness for start scripts and Playwright's webServer; reveals nothing about config. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
