import { NextResponse, type NextRequest } from "next/server";

import { getConfig } from "@/lib/config";
import { securityHeaders } from "@/lib/security/headers";

/**
 * Runs before every page and route: a fresh CSP nonce per request (Next.js reads it from the
 * request's Content-Security-Policy header and puts it on its own scripts) and the security
 * headers on every response.
 */
export function proxy(request: NextRequest) {
  const config = getConfig();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    https: config.secureCookies,
    providerOrigins: config.providerOrigins,
    connectOrigins: config.connectOrigins,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files need no nonce; everything else (pages, route handlers) gets the headers.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|icon.svg).*)",
    },
  ],
};
