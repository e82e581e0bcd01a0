import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { auth } from "@/auth";

/** The login pages: someone who is signed in goes to their account instead. */
export default async function SignedOutLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (session?.identity) redirect("/account");
  return children;
}
