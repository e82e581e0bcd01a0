import { z } from "zod";

/** First problem zod found, worded for an `error_description`. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid request";
}

export const responseTypeSchema = z.literal("code", { error: "response_type must be code" });

export const scopeSchema = z
  .string({ error: "scope is required" })
  .max(1000, "scope is too long")
  .refine((scope) => scope.split(" ").includes("openid"), "scope must include openid");

export const nonceSchema = z.string().min(1).max(512, "nonce is too long").optional();

/** RFC 7636 §4.2: base64url SHA-256, which is always 43 characters, but the grammar allows 43–128. */
export const codeChallengeSchema = z
  .string()
  .regex(/^[A-Za-z0-9\-._~]{43,128}$/, "code_challenge must be 43 to 128 unreserved characters")
  .optional();

/** RFC 7636 §4.1. */
export const codeVerifierSchema = z
  .string()
  .regex(/^[A-Za-z0-9\-._~]{43,128}$/, "code_verifier must be 43 to 128 unreserved characters");
