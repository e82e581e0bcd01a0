export const dynamic = "force-dynamic";

/** Liveness for start scripts and Playwright's webServer; reveals nothing about config. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
