import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { auth } from "@/auth";
import { tokenIdSchema } from "@/lib/providers/idtoken-input";
import { REMEMBERED_TOKEN_COOKIE } from "@/lib/providers/idtoken";

import { IdTokenLogin } from "./idtoken-login";

export const metadata: Metadata = { title: "Log in with IDToken" };

export default async function IdTokenLoginPage() {
  const session = await auth();
  if (session?.identity) redirect("/account");
  const remembered = tokenIdSchema.safeParse((await cookies()).get(REMEMBERED_TOKEN_COOKIE)?.value);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Log in with IDToken</h1>
      <IdTokenLogin rememberedTokenId={remembered.success ? remembered.data : undefined} />
    </div>
  );
}
