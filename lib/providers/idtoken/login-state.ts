import "server-only";

import { z } from "zod";

import { sealedCookie } from "@/lib/sealed-cookie";

/**
 * This browser's IDToken login, sealed in an httpOnly cookie by the portal's server: which
 * session it started for which token id (and the initiation's `random`), then the approved JWT
 * until the sign-in takes it.
 */
const idtLoginStateSchema = z.discriminatedUnion("phase", [
  z.object({
    phase: z.literal("pending"),
    sessionId: z.string(),
    tokenId: z.string(),
    /** The initiation's nonce, when the operator gave one (docs/providers/idtoken.md). */
    random: z.string().optional(),
    expiresAt: z.number(),
  }),
  z.object({
    phase: z.literal("approved"),
    sessionId: z.string(),
    tokenId: z.string(),
    jwt: z.string(),
    expiresAt: z.number(),
  }),
]);

export type IdtLoginState = z.infer<typeof idtLoginStateSchema>;

export const idtLoginCookie = sealedCookie("idtoken-login", "idtoken-login", idtLoginStateSchema);

/**
 * The "remember my token ID" preference. A token id alone logs nobody in (the holder must
 * approve on their phone), so it may be kept; still httpOnly, as page JavaScript has no use for it.
 */
export const REMEMBERED_TOKEN_COOKIE = "idtoken-remembered";
export const REMEMBER_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
