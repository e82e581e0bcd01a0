import "server-only";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import { getConfig } from "@/lib/config";
import { requireProviderSettings } from "@/lib/providers/registry";
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

/**
 * Sends the browser to Signicat. The request object (Enterprise: with the prefills, a CPR among
 * them) is made here, server-side; Auth.js adds it to the authorization URL as `request`.
 */
export async function startSignicatLogin(login: SignicatLoginRequest): Promise<never> {
  const config = getConfig();
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
  redirect(location);
}
