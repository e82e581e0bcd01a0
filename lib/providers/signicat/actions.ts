"use server";

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { auth } from "@/auth";
import { getConfig } from "@/lib/config";
import { refuseIfTooManyStarts } from "@/lib/login-start";

import type { MitidIdentity } from "./identity";
import { cvrInput, mitidLoginSchema } from "./input";
import { SIGNICAT_ID } from "./provider";
import { startSignicatLogin } from "./start-login";

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

async function currentMitidIdentity(): Promise<MitidIdentity> {
  const session = await auth();
  if (session?.identity?.kind !== "mitid") redirect("/login");
  return session.identity;
}

/** Log in again for another company: the same add-on, restricted to the CVR typed. */
export async function switchCompany(formData: FormData) {
  const identity = await currentMitidIdentity();
  const cvr = cvrInput.safeParse(formData.get("cvr") ?? undefined);
  if (!cvr.success || !cvr.data) redirect("/account?problem=cvr");
  const flow = identity.flow === "business" ? "business" : "company";
  await startSignicatLogin({ flow, cvr: cvr.data });
}

/**
 * Re-authenticate at HIGH on top of this login. Signicat's auth_token_id lives only in the
 * encrypted session cookie, never in the session the browser can fetch, so read it from there.
 */
export async function stepUpToHigh() {
  const identity = await currentMitidIdentity();
  const config = getConfig();
  const token = await getToken({
    req: { headers: await headers() },
    secret: config.authSecret,
    secureCookie: config.secureCookies,
  });
  const authTokenId = typeof token?.stepUpToken === "string" ? token.stepUpToken : undefined;
  if (!authTokenId) redirect("/auth/error?reason=step_up_refused");
  await startSignicatLogin({
    flow: identity.flow,
    stepUp: { authTokenId, level: "HIGH" },
  });
}
