"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { loginErrorUrl } from "@/lib/login-failure/classify";
import { redirectToOidcLogin } from "@/lib/login-start";

import { IDURA_ID, IDURA_LOGIN_EIDS, type IduraLoginEid } from "./web";

const iduraEidSchema = z.enum(Object.keys(IDURA_LOGIN_EIDS) as [IduraLoginEid, ...IduraLoginEid[]]);

/** Idura web login with the chosen eID: each maps to its `acr_values`. */
export async function loginWithIdura(formData: FormData) {
  const eid = iduraEidSchema.safeParse(formData.get("eid"));
  if (!eid.success) redirect(loginErrorUrl("unknown", { provider: IDURA_ID }));
  await redirectToOidcLogin(IDURA_ID, { acr_values: IDURA_LOGIN_EIDS[eid.data].acr });
}
