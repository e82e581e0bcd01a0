import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { auth } from "@/auth";

/** The pages behind a login: without a session they send the browser to the login page. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.identity) redirect("/login");
  return children;
}
