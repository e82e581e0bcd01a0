import "server-only";

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";

import { getConfig } from "@/lib/config";

/**
 * One of the values the login's provider module put into `loginSecrets` (types/next-auth.d.ts),
 * read from the encrypted session cookie of this request (`req` in a route handler, else the
 * current request's headers); `undefined` without a session or that value. `auth()` cannot give
 * it: the session callback (auth.ts) hands out the identity only, as the browser can read it.
 */
export async function loginSecret(name: string, req?: Request): Promise<string | undefined> {
  const config = getConfig();
  const token = await getToken({
    req: req ?? { headers: await headers() },
    secret: config.authSecret,
    secureCookie: config.secureCookies,
  });
  const value = token?.loginSecrets?.[name];
  return typeof value === "string" ? value : undefined;
}
