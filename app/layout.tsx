import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/lib/i18n/client-messages";

import "./globals.css";

import { LocaleSwitcher } from "./locale-switcher";
import { SessionHeader } from "./session-header";
import { SiteFooter } from "./site-footer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return {
    title: { default: t("siteTitle"), template: `%s · ${t("siteTitle")}` },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const t = await getTranslations("Layout");
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* Only what every page's client code may show (the error boundary); pages add theirs. */}
        <ClientMessages namespaces={["Common", "ErrorPage"]}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-brand-900 text-white">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-3">
              <Link href="/" className="font-semibold tracking-tight">
                {t.rich("brand", {
                  portal: (chunks) => <span className="font-normal text-brand-100">{chunks}</span>,
                })}
              </Link>
              <div className="flex flex-wrap items-center gap-3">
                <SessionHeader />
                <LocaleSwitcher />
                <span className="rounded bg-white/10 px-2 py-0.5 text-xs text-brand-100">{t("scheme")}</span>
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-4xl px-4 py-10">
            {children}
          </main>
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}
