"use server";

import { redirect } from "next/navigation";

import { refuseIfTooManyStarts } from "@/lib/login-start";
import { requireProviderSettings } from "@/lib/providers/settings";
import { loginSecret } from "@/lib/login-secrets";
import { currentIdentity } from "@/lib/session";

import type { MitidIdentity } from "./identity";
import { cvrInput, mitidLoginSchema } from "./input";
import { SIGNICAT_SECRETS } from "./descriptor";
import { SIGNICAT_ID, signicatFeatures } from "./provider";
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
  const identity = await currentIdentity();
  if (identity?.kind !== "mitid") redirect("/login");
  return identity;
}

/**
 * Log in again for another company, with the same add-on. Enterprise restricts the login to the
 * CVR typed (`cvr-` prefill); the eID Hub has no such prefill, so the user chooses at Signicat.
 */
export async function switchCompany(formData: FormData) {
  const identity = await currentMitidIdentity();
  await refuseIfTooManyStarts(SIGNICAT_ID);
  const flow = identity.flow === "business" ? "business" : "company";
  if (!signicatFeatures(requireProviderSettings("signicat")).prefilledCvr) await startSignicatLogin({ flow });
  const cvr = cvrInput.safeParse(formData.get("cvr") ?? undefined);
  if (!cvr.success || !cvr.data) redirect("/account?problem=cvr");
  await startSignicatLogin({ flow, cvr: cvr.data });
}

/**
 * Re-authenticate at High. Enterprise steps up on this login's `auth_token_id`, which lives
 * only in the encrypted session cookie, never in the session the browser can fetch; the eID Hub
 * has no such token, so it is a new MitID login that asks for High (`loa:high`).
 */
export async function stepUpToHigh() {
  const identity = await currentMitidIdentity();
  await refuseIfTooManyStarts(SIGNICAT_ID);
  if (signicatFeatures(requireProviderSettings("signicat")).stepUp === "fresh-login") {
    await startSignicatLogin({ flow: identity.flow, stepUp: { level: "HIGH" } });
  }
  const authTokenId = await loginSecret(SIGNICAT_SECRETS.stepUpToken);
  if (!authTokenId) redirect("/auth/error?reason=step_up_refused");
  await startSignicatLogin({ flow: identity.flow, stepUp: { authTokenId, level: "HIGH" } });
}
