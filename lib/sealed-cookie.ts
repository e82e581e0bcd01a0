import "server-only";

import { decode, encode } from "next-auth/jwt";
import type { z } from "zod";

import { getConfig } from "./config";

/**
 * Per-browser flow state in an encrypted, httpOnly cookie (next-auth/jwt: JWE with a salt per
 * purpose), so no request id or token reaches page JavaScript and any portal instance can answer.
 */
export function sealedCookie<S extends z.ZodType<{ expiresAt: number }>>(
  name: string,
  salt: string,
  schema: S,
) {
  const secure = () => getConfig().secureCookies;
  return {
    /** `__Host-` pins the cookie to this origin over https; plain http (local demo) cannot use it. */
    name: () => (secure() ? `__Host-${name}` : name),
    options: (maxAgeSeconds: number) => ({
      httpOnly: true,
      sameSite: "lax" as const,
      secure: secure(),
      path: "/",
      maxAge: Math.max(1, Math.ceil(maxAgeSeconds)),
    }),
    async seal(state: z.infer<S>): Promise<string> {
      const maxAge = Math.max(1, Math.ceil((state.expiresAt - Date.now()) / 1000));
      return encode({ token: state, secret: getConfig().authSecret, salt, maxAge });
    },
    /** Null for a missing, tampered, expired or foreign cookie: all mean "nothing in progress". */
    async open(value: string | undefined): Promise<z.infer<S> | null> {
      if (!value || value.length > 16384) return null;
      try {
        const payload = await decode({ token: value, secret: getConfig().authSecret, salt });
        const parsed = schema.safeParse(payload);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
