import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Card } from "@/components/ui/card";

/** The footer's plain pages (privacy, support): a title, three paragraphs and a way back. */
type InfoNamespace = "Privacy" | "Support";

export async function infoPageMetadata(namespace: InfoNamespace): Promise<Metadata> {
  return { title: (await getTranslations(namespace))("title") };
}

export async function InfoPage({ namespace }: { namespace: InfoNamespace }) {
  const t = await getTranslations(namespace);
  return (
    <Card className="mx-auto max-w-2xl space-y-3 !p-8">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      {(["p1", "p2", "p3"] as const).map((p) => (
        <p key={p} className="text-slate-700">
          {t(p)}
        </p>
      ))}
      <Link href="/" className="inline-block pt-3 text-brand-700 underline underline-offset-2">
        {t("back")}
      </Link>
    </Card>
  );
}
