import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { auth } from "@/auth";

import { CustomerVerification } from "./customer-verification";

export const metadata: Metadata = { title: "Verify a caller" };

/** For call-centre agents: ask a caller to confirm who they are with BankID on their phone (CIBA). */
export default async function VerifyCallerPage() {
  const session = await auth();
  if (!session?.identity) redirect("/login");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Verify a caller</h1>
      <p className="mt-2 text-slate-600">
        The caller confirms their identity with BankID on their own phone. You never see their eID or a code.
      </p>
      <CustomerVerification />
    </div>
  );
}
