import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";

import { QrLogin } from "./qr-login";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("loginQr") };
}

export default async function QrLoginPage() {
  const session = await auth();
  if (session?.identity) redirect("/account");
  const t = await getTranslations("QrLogin");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <QrLogin />
    </div>
  );
}
