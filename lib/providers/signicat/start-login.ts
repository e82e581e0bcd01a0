import "server-only";

import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/login-failure/classify";
import { requireProviderSettings } from "@/lib/providers/registry";
import {
  SIGNICAT_ID,
  signicatAuthorizationParams,
  type SignicatLoginRequest,
} from "@/lib/providers/signicat/provider";

/**
 * Sends the browser to Signicat. The prefills (a CPR among them) are sealed into the encrypted
 * request object here, server-side; Auth.js adds them to the authorization URL as `request`.
 */
export async function startSignicatLogin(login: SignicatLoginRequest): Promise<never> {
  let location: string;
  try {
    const params = await signicatAuthorizationParams(requireProviderSettings("signicat"), login);
    const { value, errors } = await captureAuthErrors(() =>
      signIn(SIGNICAT_ID, { redirectTo: "/account", redirect: false }, params),
    );
    location = specificErrorLocation(value, errors, SIGNICAT_ID) ?? value;
  } catch (error) {
    location = loginErrorUrl(classifyLoginFailure(error), { provider: SIGNICAT_ID, error });
  }
  redirect(location);
}
