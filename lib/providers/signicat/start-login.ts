import "server-only";

import { getLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import { getConfig } from "@/lib/config";
import { requireProviderSettings } from "@/lib/providers/settings";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/login-failure/classify";

import {
  SIGNICAT_ID,
  signicatAuthorizationParams,
  SignicatFeatureMissing,
  type SignicatLoginRequest,
} from "./provider";
import { TRANSFER_LOGIN_SECONDS, transferFromCookie } from "./transfer";

/**
 * Sends the browser to Signicat. The request object (Enterprise: with the prefills, a CPR among
 * them) is made here, server-side; Auth.js adds it to the authorization URL as `request`.
 */
export async function startSignicatLogin(login: SignicatLoginRequest): Promise<never> {
  redirect(await signicatLoginLocation(login));
}

/**
 * Where a Signicat login starts (or the page of why it cannot), for a route handler that must
 * answer a POST with 303 rather than redirect()'s 307. A hand-over (`transferFrom`) is
 * remembered for the account page; any other start forgets an abandoned one.
 */
export async function signicatLoginLocation(
  login: SignicatLoginRequest,
  transferFrom?: { sender: string; name: string },
): Promise<string> {
  const config = getConfig();
  const jar = await cookies();
  if (transferFrom) {
    const expiresAt = Date.now() + TRANSFER_LOGIN_SECONDS * 1000;
    jar.set(
      transferFromCookie.name(),
      await transferFromCookie.seal({ ...transferFrom, expiresAt }),
      transferFromCookie.options(TRANSFER_LOGIN_SECONDS),
    );
  } else if (jar.has(transferFromCookie.name())) {
    jar.delete(transferFromCookie.name());
  }
  let location: string;
  try {
    const params = await signicatAuthorizationParams(
      requireProviderSettings("signicat"),
      { ...login, uiLocale: login.uiLocale ?? (await getLocale()) },
      `${config.authUrl}/api/auth/callback/${SIGNICAT_ID}`,
    );
    const { value, errors } = await captureAuthErrors(() =>
      signIn(SIGNICAT_ID, { redirectTo: "/account", redirect: false }, params),
    );
    location = specificErrorLocation(value, errors, SIGNICAT_ID) ?? value;
  } catch (error) {
    location =
      error instanceof SignicatFeatureMissing
        ? "/login?problem=unavailable#mitid"
        : loginErrorUrl(classifyLoginFailure(error), { provider: SIGNICAT_ID, error });
  }
  return location;
}
