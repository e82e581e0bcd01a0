import { isIP } from "node:net";
import { Hono } from "hono";
import { z } from "zod";
import { noStore, oauthError } from "../shared/errors";
import { authenticatedClient } from "../shared/http-auth";
import { scopeSchema } from "../shared/oauth-params";
import { oauthForm } from "../shared/validate";
import { ACR, isAcrValue } from "./personas";
import type { IduraState } from "./state";
import { iduraClientAuth } from "./token";

const headlessAuthorizeSchema = z.object({
  scope: scopeSchema,
  // Every example sends it; headless exists for Swedish BankID only, so that is the default.
  acr_values: z.string().max(200).default("urn:grn:authn:se:bankid"),
  end_user_ip: z
    .string()
    .max(64)
    .refine((ip) => isIP(ip) !== 0, "end_user_ip must be an IP address")
    .optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(500).optional(),
});

/**
 * Idura's headless flow for Swedish BankID (swedish-bankid.mdx): the client gets the animated
 * QR data and renders it itself, then polls the token endpoint (token.ts).
 */
export function headlessRoutes(state: IduraState): Hono {
  const app = new Hono();

  app.post("/headless/authorize", oauthForm(headlessAuthorizeSchema), (c) => {
    const form = c.req.valid("form");
    const clientId = authenticatedClient(c, form, iduraClientAuth(state));
    if (clientId instanceof Response) return clientId;
    const acr = form.acr_values;
    if (!isAcrValue(acr) || ACR[acr].eid !== "se-bankid") {
      return oauthError(c, 400, "invalid_request", "headless supports Swedish BankID only");
    }
    const { id, request } = state.startHeadless({
      clientId,
      acr,
      scope: form.scope,
      endUserIp: form.end_user_ip,
    });
    return c.json(
      {
        headless_req_id: id,
        expires_in: state.settings.requestTtlSeconds,
        acr_data: { qrData: state.qrData(request), autoStartToken: request.autoStartToken },
      },
      200,
      noStore,
    );
  });

  return app;
}
