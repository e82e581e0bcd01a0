import { Hono } from "hono";
import { z } from "zod";
import { sandboxError } from "../shared/errors";
import { findIduraPersona } from "./personas";
import type { IduraState } from "./state";
import { controlJson } from "../shared/validate";

const bindingMessageSchema = z.strictObject({ binding_message: z.string().min(1).max(200) });
/** A headless BankID request, named by what its QR code decodes to (any of its codes, however old). */
const headlessControlSchema = z.strictObject({
  qr_data: z.string().min(1).max(300),
  persona: z.string().max(100).optional(),
  /** `age` only: how many seconds to move the request's clock on (1–600). */
  seconds: z.number().int().min(1).max(600).optional(),
});

const CIBA_ACTIONS = ["approve", "deny", "expire", "slow-down"] as const;
const HEADLESS_ACTIONS = ["scan", "approve", "cancel", "expire", "slow-down", "age"] as const;

/**
 * The sandbox's own control endpoints (never part of Idura): what the phone and the user would
 * do, from a test, without a phone.
 */
export function controlRoutes(state: IduraState): Hono {
  const app = new Hono();

  for (const action of CIBA_ACTIONS) {
    app.post(
      `/control/ciba/${action}`,
      controlJson(bindingMessageSchema, 'expected JSON {"binding_message": "…"}'),
      (c) => {
        const request = state.pendingCiba(c.req.valid("json").binding_message);
        if (!request)
          return sandboxError(c, 404, "not_found", "no pending CIBA request with that binding_message");
        if (action === "approve") request.status = "approved";
        if (action === "deny") request.status = "denied";
        if (action === "expire") request.expiresAt = state.now();
        if (action === "slow-down") {
          // The server is busy: the next poll hears slow_down and it wants polls 5 s further apart.
          request.slowDownNext = true;
          request.interval += 5;
        }
        return c.json({ ok: true, status: action });
      },
    );
  }

  // The BankID app without a phone: the test names the request by the QR code it read off the page.
  for (const action of HEADLESS_ACTIONS) {
    app.post(
      `/control/headless/${action}`,
      controlJson(
        headlessControlSchema,
        'expected JSON {"qr_data": "bankid.…", "persona"?: "…", "seconds"?: n}',
      ),
      (c) => {
        const body = c.req.valid("json");
        const request = state.headlessByQr(body.qr_data)?.request;
        if (!request || request.expiresAt <= state.now() || !["pending", "scanned"].includes(request.status))
          return sandboxError(c, 404, "not_found", "no pending BankID request for that QR code");
        if (action === "approve") {
          const persona = findIduraPersona(body.persona ?? "astrid");
          if (persona?.eid !== "se-bankid")
            return sandboxError(c, 400, "invalid_request", "persona must be a Swedish BankID persona");
          request.status = "approved";
          request.persona = persona;
        }
        if (action === "scan") request.status = "scanned";
        if (action === "cancel") request.status = "denied";
        if (action === "expire") request.expiresAt = state.now();
        if (action === "slow-down") request.slowDownNext = true;
        // Time passes for this request only: every code it has shown is `seconds` older, at once.
        if (action === "age")
          request.startedAt -= (body.seconds ?? state.settings.qrMaxAgeSeconds + 1) * 1000;
        return c.json({ ok: true, status: action });
      },
    );
  }

  app.post("/control/reset", (c) => {
    state.reset();
    return c.json({ ok: true, status: "reset" });
  });

  return app;
}
