import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { auth } from "@/auth";

import { QrLogin } from "./qr-login";

export const metadata: Metadata = { title: "Log in with QR code" };

export default async function QrLoginPage() {
  const session = await auth();
  if (session?.identity) redirect("/account");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Log in with the Digidentity app</h1>
      <QrLogin />
    </div>
  );
}
