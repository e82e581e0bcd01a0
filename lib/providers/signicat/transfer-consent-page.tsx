import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { BUTTON } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireProviderSettings } from "@/lib/providers/settings";
import { signedInIdentity } from "@/lib/session";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { partner: id } = await params;
  const partner = requireProviderSettings("signicat").transfer?.partners.find((p) => p.id === id);
  const t = await getTranslations("SessionTransfer");
  return { title: partner ? t("title", { partner: partner.name }) : t("unknownPartner") };
}

type Props = { params: Promise<{ partner: string }> };

/**
 * SP-A must get the user's consent to share the attributes of this login before it asks for a
 * Transfer Token Exchange Code (ENT-MITID step 3): this page names the partner and what it gets.
 */
export default async function TransferConsentPage({ params }: Props) {
  const { partner: id } = await params;
  const transfer = requireProviderSettings("signicat").transfer;
  const partner = transfer?.partners.find((p) => p.id === id);
  const identity = await signedInIdentity();
  if (!partner || identity.kind !== "mitid" || !identity.canTransfer) notFound();
  const t = await getTranslations("SessionTransfer");
  const name = partner.name;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title", { partner: name })}</h1>
      <p className="text-slate-700">{t("intro", { partner: name })}</p>
      <Card as="section" aria-labelledby="shared-heading">
        <h2 id="shared-heading" className="text-lg font-semibold">
          {t("sharedHeading", { partner: name })}
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6" data-testid="transfer-shared">
          <li>{t("sharedName")}</li>
          <li>{t("sharedUuid")}</li>
          <li>{t("sharedLevels")}</li>
          <li>{t("sharedTime")}</li>
        </ul>
        <p className="mt-3 text-sm text-slate-600">{t("notShared")}</p>
        <p className="mt-2 text-sm text-slate-600">
          {partner.text ? t("text", { partner: name }) : t("noText", { partner: name })}
        </p>
      </Card>
      <form method="post" action="/api/signicat/transfer/start" className="flex flex-wrap gap-3">
        <input type="hidden" name="partner" value={partner.id} />
        <button type="submit" className={BUTTON.primary}>
          {t("share", { partner: name })}
        </button>
        <Link href="/account" className={BUTTON.secondary}>
          {t("cancel")}
        </Link>
      </form>
    </div>
  );
}
