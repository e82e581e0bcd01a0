import { z } from "zod";

import { tokenIdSchema } from "@/lib/providers/idtoken/input";

export const startRequestSchema = z.strictObject({
  tokenId: tokenIdSchema,
  remember: z.boolean().default(false),
});

/** The JWT the operator pushed to this browser's WebSocket, handed to the server for checking. */
export const completeRequestSchema = z.strictObject({
  jwt: z
    .string()
    .max(16384)
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, "expected a compact JWT"),
});

export type IdTokenStartResponse = {
  /** The one-time password to show, for the holder to compare with their phone. */
  autoPassword: string;
  /** The operator's WebSocket for this session; its token is a bearer for the socket only. */
  socketUrl: string;
  /** Epoch milliseconds. */
  expiresAt: number;
};

export type IdTokenCompleteResponse = { status: "approved" };
