import { Hono } from "hono";
import { z } from "zod";
import { sandboxError } from "../shared/errors";
import { misbehaviourRoutes } from "../shared/misbehaviour";
import { controlJson } from "../shared/validate";
import { findPersonaByUserId } from "./personas";
import type { SignicatState } from "./state";

const psd2Schema = z.strictObject({ client_id: z.string().min(1).max(200), psd2: z.boolean() });
const forgetSchema = z.strictObject({ user_id: z.string().min(1).max(200).optional() });

/** The control endpoints: misbehaviour, issued codes, PSD2 mode and the remembered CPRs. */
export function controlRoutes(state: SignicatState): Hono {
  const app = new Hono();
  app.route("/", misbehaviourRoutes(state.misbehaviour));
  app.route("/", state.issued.routes());
  // PSD2 back to its configuration only; see SignicatState.reset for what it leaves alone.
  app.post("/control/reset", (c) => {
    state.reset();
    return c.json({ ok: true, status: "reset" });
  });
  app.post(
    "/control/psd2",
    controlJson(psd2Schema, 'expected {"client_id": "…", "psd2": true|false}'),
    (c) => {
      const body = c.req.valid("json");
      if (state.clientSecret(body.client_id) === undefined) {
        return sandboxError(c, 404, "unknown_client", "no such client");
      }
      state.setPsd2(body.client_id, body.psd2);
      return c.json({ ok: true, status: body.psd2 ? "psd2_on" : "psd2_off" });
    },
  );
  app.post("/control/cpr-cache/forget", controlJson(forgetSchema, 'expected {} or {"user_id": "…"}'), (c) => {
    const { user_id } = c.req.valid("json");
    const persona = user_id === undefined ? undefined : findPersonaByUserId(user_id);
    if (user_id !== undefined && !persona)
      return sandboxError(c, 404, "unknown_user", "no such MitID user ID");
    const removed = state.cprCache.forget({ mitidUuid: persona?.mitidUuid });
    return c.json({ ok: true, status: "forgotten", removed });
  });
  return app;
}
