"use server";

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { auth, signOut } from "@/auth";
import { getConfig } from "@/lib/config";
import type { MitidIdentity } from "@/lib/identity";

import { cvrInput } from "../login/schema";
import { startSignicatLogin } from "@/lib/providers/signicat/start-login";

export async function logOut() {
  await signOut({ redirectTo: "/login" });
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
    secureCookie: config.authUrl.startsWith("https://"),
  });
  const authTokenId = typeof token?.stepUpToken === "string" ? token.stepUpToken : undefined;
  if (!authTokenId) redirect("/auth/error?reason=step_up_refused");
  await startSignicatLogin({
    flow: identity.flow,
    stepUp: { authTokenId, level: "HIGH" },
  });
}
