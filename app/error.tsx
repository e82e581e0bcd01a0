"use client";

import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";
import { Card } from "@/components/ui/card";
import { BUTTON } from "@/components/ui/button";
import { ErrorReference } from "@/components/ui/error-reference";

/** Last resort for an unexpected failure: plain words and a way back, never a blank page. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("ErrorPage");
  const common = useTranslations("Common");
  return (
    <Card roomy className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <ErrorReference id={error.digest} className="mt-4" />
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={reset} className={BUTTON.primary}>
          {t("retry")}
        </button>
        <Link href="/login" className="self-center text-brand-700 underline underline-offset-2">
          {common("toLogin")}
        </Link>
      </div>
    </Card>
  );
}
