"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/auth-failures";
import { DIGIDENTITY_ID } from "@/lib/providers/digidentity";
import { BROWSER_COOKIE, clientAddress, consumeRateLimit } from "@/lib/rate-limit";

/** Web login: Auth.js sends the browser to Digidentity (discovery, PKCE, state, nonce). */
export async function loginWithDigidentity() {
  const wait = await consumeRateLimit("start", {
    address: clientAddress(await headers()),
    browser: (await cookies()).get(BROWSER_COOKIE)?.value,
  });
  if (wait !== null) redirect(loginErrorUrl("rate_limited", { provider: DIGIDENTITY_ID }));

  let location: string;
  try {
    const { value, errors } = await captureAuthErrors(() =>
      signIn(DIGIDENTITY_ID, { redirectTo: "/account", redirect: false }),
    );
    location = specificErrorLocation(value, errors, DIGIDENTITY_ID) ?? value;
  } catch (error) {
    location = loginErrorUrl(classifyLoginFailure(error), { provider: DIGIDENTITY_ID, error });
  }
  redirect(location);
}
