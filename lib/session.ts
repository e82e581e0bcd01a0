import "server-only";

import { redirect } from "next/navigation";

import { auth } from "@/auth";
import type { Identity } from "@/lib/identity";

/**
 * The signed-in person's identity, or undefined when nobody is: for server actions, which are
 * reachable without their page and each say "not signed in" in their own way.
 */
export async function currentIdentity(): Promise<Identity | undefined> {
  return (await auth())?.identity;
}

/**
 * The signed-in person's identity, for pages under app/(signed-in), whose layout has already
 * sent everyone else to the login page; the redirect here only narrows the type.
 */
export async function signedInIdentity(): Promise<Identity> {
  const identity = await currentIdentity();
  if (!identity) redirect("/login");
  return identity;
}
