import { randomInt } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { noStore, oauthError } from "../shared/errors";
import { authenticatedClient } from "../shared/http-auth";
import { scopeSchema } from "../shared/oauth-params";
import { oauthForm } from "../shared/validate";
import { ACR, IDURA_PERSONAS, isAcrValue } from "./personas";
import type { IduraState } from "./state";
import { iduraClientAuth } from "./token";

const bcAuthorizeSchema = z.object({
  scope: scopeSchema,
  login_hint: z.string().max(200).optional(),
  acr_values: z.string().max(200).optional(),
  binding_message: z.string().max(200).optional(),
  authorization_details: z.string().max(2000).optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(500).optional(),
});

/** RFC 9396 `authorization_details`: a JSON array of objects with a `type`. */
const authorizationDetailsSchema = z.array(z.looseObject({ type: z.string() }));

function detailsOfType(raw: string | undefined, type: string) {
  if (raw === undefined) return undefined;
  try {
    const parsed = authorizationDetailsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.find((d) => d.type === type) : undefined;
  } catch {
    return undefined;
  }
}

/** Norwegian BankID's word pair ("Frekk Julekos" in Idura's example): made up here, in Norwegian. */
const WORDS = {
  first: ["Frekk", "Glad", "Rask", "Stille", "Modig", "Snill", "Lun", "Kvikk", "Blank", "Varm"],
  second: [
    "Julekos",
    "Fjellrev",
    "Elgkalv",
    "Bølge",
    "Skogsti",
    "Solstråle",
    "Fjordbåt",
    "Måke",
    "Nordlys",
    "Vaffel",
  ],
};
const wordPair = () =>
  `${WORDS.first[randomInt(WORDS.first.length)]} ${WORDS.second[randomInt(WORDS.second.length)]}`;

/** `expires_in` of Norwegian BankID's caller authentication, as Idura's example shows it. */
const NO_EXPIRES_IN = 900;

/**
 * CIBA (poll mode) for caller authentication, each eID with the parameters Idura's docs require
 * (caller-authentication.mdx, docs/providers/idura.md): Swedish BankID needs `phoneAuth`
 * authorization details and a `binding_message`; Norwegian BankID needs `customerServiceCall.v1`,
 * takes no `binding_message`, and answers the word pair the caller must pick.
 */
export function cibaRoutes(state: IduraState): Hono {
  const app = new Hono();
  const { settings } = state;

  app.post("/ciba/bc-authorize", oauthForm(bcAuthorizeSchema), (c) => {
    const form = c.req.valid("form");
    const clientId = authenticatedClient(c, form, iduraClientAuth(state));
    if (clientId instanceof Response) return clientId;
    const acr = form.acr_values ?? "";
    const eid = isAcrValue(acr) ? ACR[acr].eid : undefined;
    if (!isAcrValue(acr) || (eid !== "se-bankid" && eid !== "no-bankid")) {
      return oauthError(c, 400, "invalid_request", "CIBA supports Swedish and Norwegian BankID acr_values");
    }
    let bindingMessage: string;
    if (eid === "se-bankid") {
      const phoneAuth = detailsOfType(form.authorization_details, "phoneAuth");
      if (phoneAuth?.callInitiator !== "RP" && phoneAuth?.callInitiator !== "user") {
        return oauthError(
          c,
          400,
          "invalid_request",
          'authorization_details must be [{"type":"phoneAuth","callInitiator":"RP"|"user"}]',
        );
      }
      if (!form.binding_message) {
        return oauthError(c, 400, "invalid_request", "binding_message is required for Swedish BankID");
      }
      bindingMessage = form.binding_message;
    } else {
      if (!detailsOfType(form.authorization_details, "customerServiceCall.v1")) {
        return oauthError(
          c,
          400,
          "invalid_request",
          'authorization_details must be [{"type":"customerServiceCall.v1"}]',
        );
      }
      if (form.binding_message !== undefined) {
        return oauthError(c, 400, "invalid_request", "Norwegian BankID makes its own binding message");
      }
      bindingMessage = wordPair();
    }
    const hint = /^sub:ssn:([0-9]{6,12})$/.exec(form.login_hint ?? "");
    const persona = IDURA_PERSONAS.find((p) => p.eid === eid && p.ssn === hint?.[1]);
    if (!persona) return oauthError(c, 400, "unknown_user_id", "no such user for this eID");
    const ttlSeconds = eid === "no-bankid" ? NO_EXPIRES_IN : settings.requestTtlSeconds;
    const { id, request } = state.startCiba(
      { clientId, persona, acr, scope: form.scope, bindingMessage },
      ttlSeconds,
    );
    return c.json(
      {
        auth_req_id: id,
        expires_in: ttlSeconds,
        interval: request.interval,
        ...(eid === "no-bankid" ? { bindingMessage } : {}),
      },
      200,
      noStore,
    );
  });

  return app;
}
