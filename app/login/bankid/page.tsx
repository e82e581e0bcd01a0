import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";

import { BankIdLogin } from "./bankid-login";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("loginBankId") };
}

export default async function BankIdLoginPage() {
  const session = await auth();
  if (session?.identity) redirect("/account");
  const t = await getTranslations("BankIdLogin");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <BankIdLogin />
    </div>
  );
}
