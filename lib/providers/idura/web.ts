import "server-only";

import type { OIDCConfig } from "next-auth/providers";
import { z } from "zod";

import type { IduraConfig } from "./descriptor";
import { nordicEidIdentityFromClaims, type NordicEidIdentity } from "@/lib/identity";
import { discover } from "@/lib/oidc/discovery";
import { postFormWithClientSecret, ProviderError } from "@/lib/upstream/fetch";

/** Public contract: it forms the redirect URI `${AUTH_URL}/api/auth/callback/idura`. */
import { IDURA_ID } from "./descriptor";

export { IDURA_ID };

export type Idura = IduraConfig;

/**
 * The eIDs the login page offers, each with the `acr_values` Idura knows it by (providers.md).
 * Their names, in each language, are `Eid.<key>` in messages/<locale>.json.
 */
export const IDURA_LOGIN_EIDS = {
  "dk-mitid": { acr: "urn:grn:authn:dk:mitid:substantial" },
  "dk-mitid-business": { acr: "urn:grn:authn:dk:mitid:business" },
  "se-bankid-same-device": { acr: "urn:grn:authn:se:bankid:same-device" },
  "se-bankid-another-device": { acr: "urn:grn:authn:se:bankid:another-device:qr" },
  "no-bankid": { acr: "urn:grn:authn:no:bankid" },
} as const;

export type IduraLoginEid = keyof typeof IDURA_LOGIN_EIDS;

/**
 * Idura web login: OpenID Connect authorization code flow with PKCE, state and nonce; endpoints
 * from discovery; claims from the ID token, whose signature auth.ts verifies (`oidcClients`).
 * The implicit flow is never used: see README.
 */
export function iduraProvider(cfg: Idura): OIDCConfig<Record<string, unknown>> {
  return {
    id: IDURA_ID,
    name: "Idura Verify",
    type: "oidc",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: "openid", response_type: "code" } },
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      let identity: NordicEidIdentity | null = null;
      try {
        identity = nordicEidIdentityFromClaims(claims, IDURA_ID);
      } catch {
        identity = null;
      }
      return { id: String(claims.sub ?? ""), identity };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Back-channel calls shared by CIBA and headless: form posts with client_secret_basic.
// ---------------------------------------------------------------------------------------------

const oauthErrorSchema = z.object({
  error: z.string().max(200),
  acr_data: z
    .object({ qrData: z.string().max(512).optional(), hintCode: z.string().max(64).optional() })
    .optional(),
});

const tokenSchema = z.object({ id_token: z.string().min(1).max(16384), token_type: z.string() });

export type BackchannelPoll =
  | { status: "pending"; qrData?: string; hintCode?: string }
  | { status: "slow_down" }
  | { status: "approved"; idToken: string }
  | { status: "denied" | "expired" };

/** One poll of the token endpoint for a CIBA or headless request. */
async function pollToken(cfg: Idura, fields: Record<string, string>): Promise<BackchannelPoll> {
  const metadata = await discover(cfg.issuer);
  const { res, body } = await postFormWithClientSecret(cfg, metadata.token_endpoint, fields);
  if (res.ok) {
    const tokens = tokenSchema.safeParse(body);
    if (!tokens.success) throw new ProviderError("provider_error", "token answer is malformed");
    return { status: "approved", idToken: tokens.data.id_token };
  }
  const err = oauthErrorSchema.safeParse(body);
  switch (err.success ? err.data.error : "") {
    case "authorization_pending":
      return {
        status: "pending",
        qrData: err.data?.acr_data?.qrData,
        hintCode: err.data?.acr_data?.hintCode,
      };
    case "slow_down":
      return { status: "slow_down" };
    case "access_denied":
      return { status: "denied" };
    case "expired_token":
      return { status: "expired" };
    default:
      throw new ProviderError("provider_error", `token endpoint answered ${res.status}`);
  }
}

const cibaStartSchema = z.object({
  auth_req_id: z.string().min(1).max(512),
  expires_in: z.number().int().positive(),
  interval: z.number().int().positive().optional(),
});

/** The customer's national id was not accepted by Idura for this eID. */
export class UnknownCustomerError extends Error {
  constructor() {
    super("the provider does not know this user");
    this.name = "UnknownCustomerError";
  }
}

/**
 * CIBA Core §7.1, poll mode. The national id goes only into this back-channel form body, never a
 * URL or a log line. Without an `interval` the client polls every 5 s (§7.3).
 */
export async function startCiba(cfg: Idura, nationalId: string, bindingMessage: string) {
  const metadata = (await discover(cfg.issuer)) as { backchannel_authentication_endpoint?: string };
  const endpoint = metadata.backchannel_authentication_endpoint ?? `${cfg.issuer}/ciba/bc-authorize`;
  const { res, body } = await postFormWithClientSecret(cfg, endpoint, {
    scope: "openid",
    login_hint: `sub:ssn:${nationalId}`,
    acr_values: cfg.cibaAcr,
    binding_message: bindingMessage,
  });
  if (!res.ok) {
    const error = (body as { error?: unknown })?.error;
    if (error === "unknown_user_id") throw new UnknownCustomerError();
    throw new ProviderError("provider_error", `bc-authorize answered ${res.status}`);
  }
  const parsed = cibaStartSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("provider_error", "bc-authorize answer is malformed");
  return {
    authReqId: parsed.data.auth_req_id,
    expiresAt: Date.now() + parsed.data.expires_in * 1000,
    intervalSeconds: parsed.data.interval ?? 5,
  };
}

export function pollCiba(cfg: Idura, authReqId: string) {
  return pollToken(cfg, { grant_type: "urn:openid:params:grant-type:ciba", auth_req_id: authReqId });
}

const headlessStartSchema = z.object({
  headless_req_id: z.string().min(1).max(512),
  expires_in: z.number().int().positive(),
  acr_data: z.object({ qrData: z.string().min(1).max(512), autoStartToken: z.string().max(512).optional() }),
});

/** Idura's headless flow for Swedish BankID: the portal renders the animated QR itself. */
export async function startHeadless(cfg: Idura) {
  const issuer = cfg.issuer;
  const { res, body } = await postFormWithClientSecret(cfg, `${issuer}/headless/authorize`, {
    scope: "openid",
    acr_values: cfg.headlessAcr,
  });
  if (!res.ok) throw new ProviderError("provider_error", `headless authorize answered ${res.status}`);
  const parsed = headlessStartSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("provider_error", "headless answer is malformed");
  return {
    headlessReqId: parsed.data.headless_req_id,
    expiresAt: Date.now() + parsed.data.expires_in * 1000,
    qrData: parsed.data.acr_data.qrData,
  };
}

export function pollHeadless(cfg: Idura, headlessReqId: string) {
  return pollToken(cfg, { grant_type: "urn:grn:params:grant-type:headless", headless_req_id: headlessReqId });
}
