import type { APIRequestContext } from "@playwright/test";

import { Sandbox } from "../../kit";
import { SANDBOX_URL } from "./env";

/**
 * The test run's sandbox through the kit's client, the one way this repository's tests (and
 * other teams' tests) drive the sandbox's control endpoints: for helpers that have a request
 * context but not the `sandbox` fixture.
 */
export function sandboxFor(request: APIRequestContext): Sandbox {
  return new Sandbox(request, SANDBOX_URL);
}
