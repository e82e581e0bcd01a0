import type { Metadata } from "next";
import Link from "next/link";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Example Motors RMI portal", template: "%s · Example Motors RMI portal" },
  description: "Repair and maintenance information for independent operators, with SERMI eID login.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-brand-900 text-white">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight">
              Example Motors <span className="font-normal text-brand-100">RMI portal</span>
            </Link>
            <span className="rounded bg-white/10 px-2 py-0.5 text-xs text-brand-100">SERMI</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-4 py-10">
          {children}
        </main>
      </body>
    </html>
  );
}
