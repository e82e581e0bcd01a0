import "server-only";

import { redirect } from "next/navigation";

import { auth } from "@/auth";
import type { Identity } from "@/lib/identity";

/**
 * The signed-in person's identity, for pages under app/(signed-in), whose layout has already
 * sent everyone else to the login page; the redirect here only narrows the type.
 */
export async function signedInIdentity(): Promise<Identity> {
  const identity = (await auth())?.identity;
  if (!identity) redirect("/login");
  return identity;
}
