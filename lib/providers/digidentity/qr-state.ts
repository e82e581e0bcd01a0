import "server-only";

import { z } from "zod";

import { sealedCookie } from "@/lib/sealed-cookie";

/**
 * The per-browser state of a QR login. It lives only in an encrypted, httpOnly cookie: the code
 * and the tokens never reach page JavaScript, and any portal instance can serve the next request.
 */
const loginStateSchema = z.discriminatedUnion("phase", [
  z.object({
    phase: z.literal("pending"),
    /** Digidentity's authorisation code: a bearer secret for the back end. */
    code: z.string(),
    /** The pace of this login's polls; grows after a `slow_down` (docs/providers/digidentity.md). */
    intervalMs: z.number().int().positive(),
    expiresAt: z.number(),
  }),
  z.object({
    phase: z.literal("approved"),
    /**
     * Which login this approval ended (a digest of its code), for single use at sign-in: two
     * logins' tokens may be alike, one login's approval is spent once (lib/state/logins.ts).
     */
    loginId: z.string().optional(),
    accessToken: z.string(),
    idToken: z.string().optional(),
    expiresAt: z.number(),
  }),
]);

export type QrLoginState = z.infer<typeof loginStateSchema>;
export type PendingQrLogin = Extract<QrLoginState, { phase: "pending" }>;

export const qrLoginCookie = sealedCookie("digidentity-qr", "digidentity-qr-login", loginStateSchema);

/**
 * A page polls with the same cookie every second, and opening it (key derivation and
 * decryption) is most of a poll's own work. The cookie is authenticated ciphertext, so the
 * same string always opens to the same state: remember the states opened lately, in this
 * instance only, until they expire. Bounded, oldest out first; only valid cookies get in.
 */
const opened = new Map<string, QrLoginState>();
const MAX_OPENED = 20_000;

/** Null for a missing, tampered, expired or foreign cookie: all mean "no login here". */
export async function openQrLogin(value: string | undefined): Promise<QrLoginState | null> {
  if (!value) return null;
  const known = opened.get(value);
  if (known) {
    if (known.expiresAt > Date.now()) return known;
    opened.delete(value);
  }
  const state = await qrLoginCookie.open(value);
  if (!state || state.expiresAt <= Date.now()) return state;
  opened.delete(value);
  opened.set(value, state);
  if (opened.size > MAX_OPENED) opened.delete(opened.keys().next().value!);
  return state;
}
