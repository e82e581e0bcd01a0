import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Every page ends with who runs the portal and where to get help. */
export async function SiteFooter() {
  const t = await getTranslations("Footer");
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-slate-600">
        <p>{t("operator")}</p>
        <nav aria-label={t("label")} className="flex gap-4">
          <Link href="/privacy" className="underline underline-offset-2 hover:text-slate-900">
            {t("privacy")}
          </Link>
          <Link href="/support" className="underline underline-offset-2 hover:text-slate-900">
            {t("support")}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
