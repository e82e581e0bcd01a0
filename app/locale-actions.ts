"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { getConfig } from "@/lib/config";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, LOCALES } from "@/lib/i18n/locales";

const inputSchema = z.object({ locale: z.enum(LOCALES) });

/**
 * The language switcher's action: remember the choice for a year. Setting a cookie in an action
 * makes Next.js render the page the person is on again, now in that language, keeping what the
 * page's scripts hold (a QR login in progress goes on). An unknown value changes nothing.
 */
export async function setLocale(formData: FormData) {
  const input = inputSchema.safeParse({ locale: formData.get("locale") });
  if (!input.success) return;
  (await cookies()).set(LOCALE_COOKIE, input.data.locale, {
    path: "/",
    sameSite: "lax",
    secure: getConfig().secureCookies,
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  });
}
