import { z } from "zod";

const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A CPR number as people type it (`280554-2112`, `2805542112`), kept as its ten digits. */
export const cprInput = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .max(20)
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{10}$/))
    .optional(),
);

/** A Danish CVR number: eight digits. */
export const cvrInput = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .max(20)
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{8}$/))
    .optional(),
);

export const mitidLoginSchema = z.object({
  flow: z.enum(["mitid", "cpr", "business", "company"]),
  cpr: cprInput,
  cvr: cvrInput,
});
