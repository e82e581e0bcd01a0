"use server";

import { cookies } from "next/headers";

import { signOut } from "@/auth";
import { getConfig } from "@/lib/config";

import { SIGNED_OUT_COOKIE } from "./signed-out";

export async function logOut() {
  (await cookies()).set(SIGNED_OUT_COOKIE, "1", {
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().secureCookies,
    path: "/login",
    maxAge: 15,
  });
  await signOut({ redirectTo: "/login" });
}
