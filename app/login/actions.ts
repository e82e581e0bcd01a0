"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { signIn } from "@/auth";
import {
  captureAuthErrors,
  classifyLoginFailure,
  loginErrorUrl,
  specificErrorLocation,
} from "@/lib/login-failure/classify";
import { DIGIDENTITY_ID } from "@/lib/providers/digidentity/web";
import { BROWSER_COOKIE, clientAddress, consumeRateLimit } from "@/lib/rate-limit";

import { mitidLoginSchema } from "./schema";
import { startSignicatLogin } from "@/lib/providers/signicat/start-login";
import { IDURA_ID, IDURA_LOGIN_EIDS, type IduraLoginEid } from "@/lib/providers/idura/web";
import { SIGNICAT_ID } from "@/lib/providers/signicat/provider";
import { z } from "zod";

/** Web logins count against the same start limits as the QR and app logins. */
async function refuseIfTooManyStarts(provider: string) {
  const wait = await consumeRateLimit("start", {
    address: clientAddress(await headers()),
    browser: (await cookies()).get(BROWSER_COOKIE)?.value,
  });
  if (wait !== null) redirect(loginErrorUrl("rate_limited", { provider }));
}

/** Web login: Auth.js sends the browser to Digidentity (discovery, PKCE, state, nonce). */
export async function loginWithDigidentity() {
  await refuseIfTooManyStarts(DIGIDENTITY_ID);

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

/**
 * MitID through Signicat. A CPR typed here arrives in the POST body and leaves only inside the
 * encrypted request object; a badly typed one sends the user back with a hint, never the value.
 */
export async function loginWithMitid(formData: FormData) {
  await refuseIfTooManyStarts(SIGNICAT_ID);
  const parsed = mitidLoginSchema.safeParse({
    flow: formData.get("flow"),
    cpr: formData.get("cpr") ?? undefined,
    cvr: formData.get("cvr") ?? undefined,
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    redirect(`/login?problem=${field === "cvr" ? "cvr" : field === "cpr" ? "cpr" : "form"}#mitid`);
  }
  const { flow, cpr, cvr } = parsed.data;
  await startSignicatLogin({
    flow,
    cpr: flow === "cpr" ? cpr : undefined,
    cvr: flow === "company" || flow === "business" ? cvr : undefined,
  });
}

const iduraEidSchema = z.enum(Object.keys(IDURA_LOGIN_EIDS) as [IduraLoginEid, ...IduraLoginEid[]]);

/** Idura web login with the chosen eID: each maps to its `acr_values`. */
export async function loginWithIdura(formData: FormData) {
  await refuseIfTooManyStarts(IDURA_ID);
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
