import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/login-failure/classify";
import { countLoginStart } from "@/lib/rate-limit";

/**
 * Web logins start in a server action or a hand-over (they end in a redirect to the provider),
 * while the device logins start in route handlers the page polls; both count against the same
 * start limit (lib/rate-limit.ts `countLoginStart`). Unlike a device login, a web login is not
 * refused while this instance shuts down: it is one redirect and finishes at any instance
 * (docs/production.md, "Health, readiness, shutdown").
 */
export async function refuseIfTooManyStarts(provider: string) {
  const wait = await countLoginStart(await headers());
  if (wait !== null) redirect(loginErrorUrl("rate_limited", { provider }));
}

/**
 * Send the browser to an OpenID provider through Auth.js (discovery, PKCE, state, nonce), with
 * extra authorization parameters if any. A failure before the redirect (discovery, an unreachable
 * provider) lands on our error page with its specific reason, not Auth.js's generic one.
 */
export async function redirectToOidcLogin(
  providerId: string,
  params?: Record<string, string>,
): Promise<never> {
  await refuseIfTooManyStarts(providerId);
  let location: string;
  try {
    const { value, errors } = await captureAuthErrors(() =>
      signIn(providerId, { redirectTo: "/account", redirect: false }, params),
    );
    location = specificErrorLocation(value, errors, providerId) ?? value;
  } catch (error) {
    location = loginErrorUrl(classifyLoginFailure(error), { provider: providerId, error });
  }
  redirect(location);
}
