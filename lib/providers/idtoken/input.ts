import { z } from "zod";

/** A token id as a person types it; shared by the route handler and the login form. */
export const tokenIdSchema = z
  .string()
  .trim()
  .min(1, "Enter your token ID.")
  .max(128, "A token ID is at most 128 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "A token ID has only letters, digits, dots, dashes and underscores.");
