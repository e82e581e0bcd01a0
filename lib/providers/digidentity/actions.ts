"use server";

import { redirectToOidcLogin } from "@/lib/login-start";

import { DIGIDENTITY_ID } from "./web";

/** Web login: Auth.js sends the browser to Digidentity. */
export async function loginWithDigidentity() {
  await redirectToOidcLogin(DIGIDENTITY_ID);
}
