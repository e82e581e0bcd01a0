import "server-only";

import * as oauth from "oauth4webapi";
import { z } from "zod";

import { oauthClient, type OAuthClient } from "@/lib/oidc/client";
import { discover } from "@/lib/oidc/discovery";
import { IdTokenError } from "@/lib/oidc/id-token";
import { ProviderError, providerFetch } from "@/lib/upstream/fetch";

/** What the back-channel calls need of the Idura configuration. */
export type IduraClient = { issuer: string; clientId: string; clientSecret: string };

/**
 * Idura's client on oauth4webapi (lib/oidc/client.ts), its metadata by discovery. The CIBA
 * endpoint is `/ciba/bc-authorize` when discovery does not name it (caller-authentication.mdx).
 */
const iduraClient = (cfg: IduraClient): OAuthClient =>
  oauthClient(cfg, async () => {
    const as = await discover(cfg.issuer);
    return {
      ...as,
      backchannel_authentication_endpoint:
        as.backchannel_authentication_endpoint ?? `${cfg.issuer}/ciba/bc-authorize`,
    };
  });

/** oauth4webapi's checks of the ID token's claims (iss, aud, exp, iat) failed. */
const ID_TOKEN_CHECKS = new Set<string>([
  oauth.JWT_CLAIM_COMPARISON,
  oauth.JWT_TIMESTAMP_CHECK,
  oauth.MISSING_SERVER_METADATA,
  oauth.UNSUPPORTED_OPERATION,
]);

/** A provider answer that is not what the protocol says, in the portal's vocabulary. */
function providerFailure(e: unknown, what: string): Error {
  if (e instanceof ProviderError || e instanceof IdTokenError) return e;
  if (e instanceof oauth.OperationProcessingError && ID_TOKEN_CHECKS.has(e.code ?? ""))
    return new IdTokenError(e.message, { cause: e });
  if (e instanceof oauth.ResponseBodyError)
    return new ProviderError("provider_error", `${what} answered ${e.status} ${e.error}`, { cause: e });
  return new ProviderError("provider_error", `${what} answer is malformed`, { cause: e });
}

export type BackchannelPoll =
  | { status: "pending"; qrData?: string; hintCode?: string }
  | { status: "slow_down" }
  | { status: "approved"; idToken: string }
  | { status: "denied" | "expired" }
  /**
   * An approval whose ID token failed oauth4webapi's checks of its claims (exp, iat, iss, aud)
   * while the answer was read, before the portal's own signature check: refused for good, not
   * retried, since Idura hands an approval out once and would only answer invalid_grant again.
   */
  | { status: "refused"; reason: "id_token_invalid"; check: string };

const pendingDataSchema = z.object({
  acr_data: z
    .object({
      qrData: z.string().max(512).optional().catch(undefined),
      hintCode: z.string().max(64).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/**
 * One token-endpoint poll of a CIBA or headless request, the same for both grants: the pending,
 * slow_down, declined and expired answers (CIBA Core §11; caller-authentication.mdx), and the
 * refusal of an approval whose ID token cannot be trusted.
 */
async function poll(
  idura: OAuthClient,
  request: (as: oauth.AuthorizationServer) => Promise<Response>,
): Promise<BackchannelPoll> {
  const as = await idura.metadata();
  try {
    const res = await request(as);
    const tokens = await oauth.processGenericTokenEndpointResponse(as, idura.client, res);
    if (!tokens.id_token) throw new IdTokenError("no ID token in the answer");
    return { status: "approved", idToken: tokens.id_token };
  } catch (e) {
    if (e instanceof oauth.ResponseBodyError) {
      switch (e.error) {
        case "authorization_pending": {
          const data = pendingDataSchema.safeParse(e.cause).data?.acr_data;
          return {
            status: "pending",
            ...(data?.qrData ? { qrData: data.qrData } : {}),
            ...(data?.hintCode ? { hintCode: data.hintCode } : {}),
          };
        }
        case "slow_down":
          return { status: "slow_down" };
        case "access_denied":
          return { status: "denied" };
        case "expired_token":
          return { status: "expired" };
      }
    }
    const failure = providerFailure(e, "the token endpoint");
    if (failure instanceof IdTokenError)
      return { status: "refused", reason: "id_token_invalid", check: failure.message };
    throw failure;
  }
}

/** The customer's national id was not accepted by Idura for this eID. */
export class UnknownCustomerError extends Error {
  constructor() {
    super("the provider does not know this user");
    this.name = "UnknownCustomerError";
  }
}

export type CibaEid = "se-bankid" | "no-bankid";

/** Which eID a CIBA acr names: Idura offers caller authentication for the two BankIDs only. */
export function cibaEid(acr: string): CibaEid {
  return acr.startsWith("urn:grn:authn:no:bankid") ? "no-bankid" : "se-bankid";
}

export type CibaStart = {
  authReqId: string;
  expiresAt: number;
  intervalSeconds: number;
  /** What the agent reads to the caller: ours for Swedish BankID, Idura's word pair for Norwegian. */
  bindingMessage: string;
};

/**
 * CIBA Core §7.1, poll mode, with the parameters each eID requires (caller-authentication.mdx):
 * Swedish BankID `phoneAuth` authorization details and our `binding_message`; Norwegian BankID
 * `customerServiceCall.v1` and no `binding_message`, answered with the word pair the caller picks.
 * The national id goes only into this back-channel form body, never a URL or a log line.
 */
export async function startCiba(
  cfg: IduraClient,
  request: { nationalId: string; acr: string; bindingMessage: string; callInitiator: "RP" | "user" },
): Promise<CibaStart> {
  const idura = iduraClient(cfg);
  const as = await idura.metadata();
  const eid = cibaEid(request.acr);
  const parameters = new URLSearchParams({
    scope: "openid",
    login_hint: `sub:ssn:${request.nationalId}`,
    acr_values: request.acr,
  });
  if (eid === "se-bankid") {
    parameters.set(
      "authorization_details",
      JSON.stringify([{ type: "phoneAuth", callInitiator: request.callInitiator }]),
    );
    parameters.set("binding_message", request.bindingMessage);
  } else {
    parameters.set("authorization_details", JSON.stringify([{ type: "customerServiceCall.v1" }]));
  }
  let answer: oauth.BackchannelAuthenticationResponse;
  try {
    const res = await oauth.backchannelAuthenticationRequest(
      as,
      idura.client,
      idura.auth,
      parameters,
      idura.options,
    );
    answer = await oauth.processBackchannelAuthenticationResponse(as, idura.client, res);
  } catch (e) {
    if (e instanceof oauth.ResponseBodyError && e.error === "unknown_user_id")
      throw new UnknownCustomerError();
    throw providerFailure(e, "bc-authorize");
  }
  const words = z.string().trim().min(1).max(100).safeParse(answer.bindingMessage);
  if (eid === "no-bankid" && !words.success)
    throw new ProviderError("provider_error", "bc-authorize answered no bindingMessage for Norwegian BankID");
  return {
    authReqId: answer.auth_req_id,
    expiresAt: Date.now() + answer.expires_in * 1000,
    // Without an `interval` the client polls every 5 s (caller-authentication.mdx; CIBA Core §7.3).
    intervalSeconds: answer.interval ?? 5,
    bindingMessage: eid === "no-bankid" && words.success ? words.data : request.bindingMessage,
  };
}

export async function pollCiba(cfg: IduraClient, authReqId: string): Promise<BackchannelPoll> {
  const idura = iduraClient(cfg);
  return poll(idura, (as) =>
    oauth.backchannelAuthenticationGrantRequest(as, idura.client, idura.auth, authReqId, idura.options),
  );
}

const HEADLESS_GRANT = "urn:grn:params:grant-type:headless";

const headlessStartSchema = z.object({
  headless_req_id: z.string().min(1).max(512),
  expires_in: z.coerce.number().int().positive(),
  acr_data: z.object({ qrData: z.string().min(1).max(512), autoStartToken: z.string().max(512).optional() }),
});

/**
 * Idura's headless flow for Swedish BankID (swedish-bankid.mdx): not an OAuth endpoint, so the one
 * adapter here; the client authentication is still oauth4webapi's client_secret_basic.
 */
export async function startHeadless(cfg: IduraClient, request: { acr: string; endUserIp?: string }) {
  const idura = iduraClient(cfg);
  const as = await idura.metadata();
  const body = new URLSearchParams({ scope: "openid", acr_values: request.acr });
  if (request.endUserIp) body.set("end_user_ip", request.endUserIp);
  const headers = new Headers({ accept: "application/json" });
  await idura.auth(as, idura.client, body, headers);
  const res = await providerFetch(`${cfg.issuer}/headless/authorize`, {
    method: "POST",
    headers: Object.fromEntries(headers.entries()),
    body,
  });
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) throw new ProviderError("provider_error", `headless authorize answered ${res.status}`);
  const parsed = headlessStartSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError("provider_error", "headless answer is malformed");
  return {
    headlessReqId: parsed.data.headless_req_id,
    expiresAt: Date.now() + parsed.data.expires_in * 1000,
    qrData: parsed.data.acr_data.qrData,
    ...(parsed.data.acr_data.autoStartToken ? { autoStartToken: parsed.data.acr_data.autoStartToken } : {}),
  };
}

export async function pollHeadless(cfg: IduraClient, headlessReqId: string): Promise<BackchannelPoll> {
  const idura = iduraClient(cfg);
  return poll(idura, (as) =>
    oauth.genericTokenEndpointRequest(
      as,
      idura.client,
      idura.auth,
      HEADLESS_GRANT,
      new URLSearchParams({ headless_req_id: headlessReqId }),
      idura.options,
    ),
  );
}
