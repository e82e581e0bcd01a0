import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ServerErrorReference } from "@/components/ui/error-reference-server";
import { loginErrorProvider } from "@/lib/login-failure/provider-names";
import { isLoginErrorReason } from "@/lib/login-failure/reasons";
import { Card } from "@/components/ui/card";
import { BUTTON } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("authError") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Only known reasons and provider names are shown, so a crafted link cannot put words on this
 * page. A reference is shown only if it looks like one of ours (12 hex characters).
 */
export default async function LoginErrorPage({ searchParams }: Props) {
  const params = await searchParams;
  const reason = isLoginErrorReason(params.reason)
    ? params.reason
    : params.error === "AccessDenied"
      ? "access_denied"
      : "unknown";
  const ref = typeof params.ref === "string" && /^[0-9a-f]{12}$/.test(params.ref) ? params.ref : undefined;
  const provider = loginErrorProvider(typeof params.provider === "string" ? params.provider : undefined);
  const t = await getTranslations("LoginErrors");
  const common = await getTranslations("Common");

  return (
    <Card roomy className="mx-auto max-w-xl" data-testid="login-error" data-reason={reason}>
      <h1 className="text-2xl font-bold tracking-tight">{t(`${reason}.title`, { provider })}</h1>
      <p className="mt-3 text-slate-700">{t(`${reason}.body`, { provider })}</p>
      <ServerErrorReference id={ref} className="mt-4" />
      <Link href="/login" className={`${BUTTON.primary} mt-8`}>
        {common("backToLogin")}
      </Link>
    </Card>
  );
}
