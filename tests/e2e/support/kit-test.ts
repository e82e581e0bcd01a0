import { mergeTests } from "@playwright/test";

import { test as kitTest } from "../../kit";
import { recordUrls } from "./fixtures";

export * from "../../kit";

/**
 * The kit's `test` (what a target team's specs use, packages/test-kit/README.md) with the suite's
 * URL recording, so the audit (audit.spec.ts) also sees every URL the specs written with the kit
 * ask for.
 */
export const test = mergeTests(kitTest, recordUrls);
