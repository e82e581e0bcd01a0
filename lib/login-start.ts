import "server-only";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/login-failure/classify";
import { BROWSER_COOKIE, clientAddress, consumeRateLimit } from "@/lib/rate-limit";

/**
 * Web logins start in a server action (they end in a redirect to the provider), while the device
 * logins start in route handlers the page polls; both count against the same start limit.
 */
export async function refuseIfTooManyStarts(provider: string) {
  const wait = await consumeRateLimit("start", {
    address: clientAddress(await headers()),
    browser: (await cookies()).get(BROWSER_COOKIE)?.value,
  });
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
