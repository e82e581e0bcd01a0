import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { auth } from "@/auth";

import { BankIdLogin } from "./bankid-login";

export const metadata: Metadata = { title: "Log in with Swedish BankID" };

export default async function BankIdLoginPage() {
  const session = await auth();
  if (session?.identity) redirect("/account");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Log in with Swedish BankID</h1>
      <BankIdLogin />
    </div>
  );
}
