import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";
import { tokenIdSchema } from "@/lib/providers/idtoken/input";
import { REMEMBERED_TOKEN_COOKIE } from "@/lib/providers/idtoken/provider";

import { IdTokenLogin } from "./idtoken-login";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("loginIdToken") };
}

export default async function IdTokenLoginPage() {
  const session = await auth();
  if (session?.identity) redirect("/account");
  const t = await getTranslations("IdTokenLogin");
  const remembered = tokenIdSchema.safeParse((await cookies()).get(REMEMBERED_TOKEN_COOKIE)?.value);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <IdTokenLogin rememberedTokenId={remembered.success ? remembered.data : undefined} />
    </div>
  );
}
