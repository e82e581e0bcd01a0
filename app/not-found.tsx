import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("notFound") };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  const common = await getTranslations("Common");
  return (
    <Card roomy className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <Link href="/login" className="mt-6 inline-block text-brand-700 underline underline-offset-2">
        {common("toLogin")}
      </Link>
    </Card>
  );
}
