import { z } from "zod";

/** Starting a QR login takes no input; anything sent is refused rather than ignored. */
export const startRequestSchema = z.strictObject({});

/** The status poll takes no query parameters: the login is identified by its cookie only. */
export const statusRequestSchema = z.strictObject({});

export type QrStartResponse = {
  qrCodeUri: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  pollIntervalMs: number;
};

export type QrStatusResponse =
  | {
      status: "pending";
      expiresAt: number;
      pollIntervalMs: number;
      /**
       * Only on a repeated "pending" (the portal asked Digidentity less than an interval ago and
       * did not ask again): ms until it will ask again, when the page's next poll should come.
       */
      nextPollInMs?: number;
    }
  | { status: "approved" }
  | { status: "expired" | "declined" }
  | { status: "refused"; reason: "authorisation_revoked" | "chain_authorisation_used" }
  /** The token answer could not be verified (./passwordless.ts). */
  | { status: "invalid" };
