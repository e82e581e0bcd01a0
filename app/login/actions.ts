"use server";

import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/auth-failures";
import { DIGIDENTITY_ID } from "@/lib/providers/digidentity";
import { IDURA_ID, IDURA_LOGIN_EIDS, type IduraLoginEid } from "@/lib/providers/idura";
import { z } from "zod";

/** Web login: Auth.js sends the browser to Digidentity (discovery, PKCE, state, nonce). */
export async function loginWithDigidentity() {
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

const iduraEidSchema = z.enum(Object.keys(IDURA_LOGIN_EIDS) as [IduraLoginEid, ...IduraLoginEid[]]);

/** Idura web login with the chosen eID: each maps to its `acr_values`. */
export async function loginWithIdura(formData: FormData) {
  const eid = iduraEidSchema.safeParse(formData.get("eid"));
  if (!eid.success) redirect(loginErrorUrl("unknown", { provider: IDURA_ID }));
  let location: string;
  try {
    const { value, errors } = await captureAuthErrors(() =>
      signIn(
        IDURA_ID,
        { redirectTo: "/account", redirect: false },
        { acr_values: IDURA_LOGIN_EIDS[eid.data].acr },
      ),
    );
    location = specificErrorLocation(value, errors, IDURA_ID) ?? value;
  } catch (error) {
    location = loginErrorUrl(classifyLoginFailure(error), { provider: IDURA_ID, error });
  }
  redirect(location);
}
