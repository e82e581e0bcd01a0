import "server-only";

import type { OIDCConfig } from "next-auth/providers";
import { cookies } from "next/headers";

import { SIGNICAT_ID, SIGNICAT_SECRETS, type SignicatConfig, type SignicatPlatform } from "./descriptor";
import { CPR_SCOPE, mitidIdentityFromUserInfo, type MitidFlow } from "./identity";
import { eidHubRequestObject, enterpriseRequestObject, type RequestParameters } from "./request-object";
import { transferFromCookie } from "./transfer";

/** SP-B: whom the login coming back was handed over from, read once (transfer.ts). */
async function takeTransferFrom(): Promise<string | undefined> {
  try {
    const jar = await cookies();
    const name = transferFromCookie.name();
    const value = jar.get(name)?.value;
    if (!value) return undefined;
    jar.delete(name);
    const opened = await transferFromCookie.open(value);
    return opened && opened.expiresAt > Date.now() ? opened.name : undefined;
  } catch {
    return undefined;
  }
}

export { SIGNICAT_ID };

/** The scopes every MitID login asks for, by platform (docs/providers/signicat.md). */
const BASE_SCOPES: Record<SignicatPlatform, string> = {
  "eid-hub": "openid profile idp-id mitid-extra",
  enterprise: "openid profile",
};

/**
 * The scope of each MitID choice, or undefined where the customer has not got it: `nin` (eID
 * Hub) or `signicat.national_id` (Enterprise) asks for CPR matching; the business add-ons
 * take the configured scopes. The add-ons are also configured on Signicat's side.
 */
export function signicatFlowScopes(cfg: SignicatConfig): Record<MitidFlow, string | undefined> {
  const base = BASE_SCOPES[cfg.platform];
  return {
    mitid: base,
    cpr: `${base} ${CPR_SCOPE[cfg.platform]}`,
    business: cfg.businessScope ? `${base} ${cfg.businessScope}` : undefined,
    company: cfg.companyScope ? `${base} ${cfg.companyScope}` : undefined,
  };
}

/** What this platform can do beyond a login, so pages offer only what exists (docs/providers/signicat.md). */
export function signicatFeatures(cfg: SignicatConfig) {
  const enterprise = cfg.platform === "enterprise";
  const scopes = signicatFlowScopes(cfg);
  return {
    /** A CPR typed on the portal, matched with no prompt: Enterprise's "prefilled subject" only. */
    prefilledCpr: enterprise,
    /** A CVR the user must be able to act for: Enterprise's `cvr-` prefill only. */
    prefilledCvr: enterprise,
    /** Enterprise steps up on `auth_token_id` (no user ID); the eID Hub logs in again at `loa:high`. */
    stepUp: enterprise ? ("auth-token" as const) : ("fresh-login" as const),
    business: scopes.business !== undefined,
    company: scopes.company !== undefined,
  };
}

/**
 * Signicat MitID: the OpenID Connect code flow with PKCE, state and nonce, endpoints from
 * discovery. `idToken: false` makes Auth.js fetch userinfo, where the MitID claims live, and
 * check its `sub` against the ID token's; the ID token's signature is verified in auth.ts.
 */
export function signicatProvider(cfg: SignicatConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SIGNICAT_ID,
    name: "MitID (Signicat)",
    type: "oidc",
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { params: { scope: BASE_SCOPES[cfg.platform], acr_values: cfg.acrValues } },
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    async profile(userinfo, tokens) {
      // Missing claims are reported by the signIn callback, which can show a specific page.
      try {
        const { identity, authTokenId, ctaId } = mitidIdentityFromUserInfo(userinfo, {
          platform: cfg.platform,
          grantedScope: typeof tokens.scope === "string" ? tokens.scope : undefined,
        });
        if (cfg.transfer) {
          const from = await takeTransferFrom();
          if (from) identity.transferredFrom = from;
        }
        return {
          id: identity.subject,
          identity,
          loginSecrets: {
            ...(authTokenId ? { [SIGNICAT_SECRETS.stepUpToken]: authTokenId } : {}),
            // Only a portal that hands over to partners keeps the handle.
            ...(ctaId && cfg.transfer?.partners.length ? { [SIGNICAT_SECRETS.transferHandle]: ctaId } : {}),
          },
        };
      } catch {
        return { id: String(userinfo.sub ?? ""), identity: null };
      }
    },
  };
}

/** What the portal asks Signicat for in one login. */
export type SignicatLoginRequest = {
  flow: MitidFlow;
  /** Ten digits; travels only inside the encrypted request object (Enterprise only). */
  cpr?: string;
  /** Eight digits: the company the user must be able to act for (Enterprise only). */
  cvr?: string;
  /** Re-authenticate the same person at High: Enterprise with its `auth_token_id`, the eID Hub afresh. */
  stepUp?: { authTokenId?: string; level: "HIGH" };
  /** The portal's language, for Signicat's pages. */
  uiLocale?: string;
  /** SP-B: a MitID Session Transfer hand-over, sent as prefills inside the request object only. */
  transfer?: { code: string; text?: string };
};

/** ENT-MITID's prefills for the receiving service provider; never in a URL. */
export function transferHints(login: Pick<SignicatLoginRequest, "transfer">): string[] {
  if (!login.transfer) return [];
  return [
    `transferTokenExchangeCode-${login.transfer.code}`,
    ...(login.transfer.text !== undefined ? [`transferTokenText-${login.transfer.text}`] : []),
  ];
}

export class SignicatFeatureMissing extends Error {
  constructor(readonly feature: string) {
    super(`this Signicat platform does not offer ${feature}`);
    this.name = "SignicatFeatureMissing";
  }
}

/**
 * The extra authorization parameters for one login, as the configured platform takes them.
 * Prefills never travel in the URL: on Enterprise they go into the encrypted request object.
 */
export async function signicatAuthorizationParams(
  cfg: SignicatConfig,
  login: SignicatLoginRequest,
  redirectUri: string,
): Promise<Record<string, string>> {
  const scope = signicatFlowScopes(cfg)[login.flow];
  if (!scope) throw new SignicatFeatureMissing(login.flow);
  if (cfg.platform === "enterprise") {
    const hints: string[] = [];
    if (login.cpr) hints.push(`subject-${login.cpr}`);
    if (login.cvr) hints.push(`cvr-${login.cvr}`);
    hints.push(...transferHints(login));
    if (login.stepUp) {
      if (!login.stepUp.authTokenId) throw new SignicatFeatureMissing("step-up without auth_token_id");
      hints.push(
        `authTokenId-${login.stepUp.authTokenId}`,
        `assuranceLevel-${login.stepUp.level}`,
        "assuranceMethod-LOA",
      );
    }
    const params: Record<string, string> = { scope, acr_values: cfg.acrValues };
    if (login.uiLocale) params.ui_locales = login.uiLocale;
    if (hints.length > 0) {
      const inner: RequestParameters = {
        response_type: "code",
        redirect_uri: redirectUri,
        scope,
        acr_values: cfg.acrValues,
        login_hint: hints,
        ...(login.uiLocale ? { ui_locales: login.uiLocale } : {}),
      };
      params.request = await enterpriseRequestObject(cfg, inner);
    }
    return params;
  }

  // eID Hub: no CPR or CVR prefill exists; a step-up is a new login that asks for High.
  if (login.cpr) throw new SignicatFeatureMissing("prefilled CPR");
  if (login.cvr) throw new SignicatFeatureMissing("prefilled CVR");
  const acrValues = login.stepUp ? `${cfg.acrValues} loa:${login.stepUp.level.toLowerCase()}` : cfg.acrValues;
  const params: Record<string, string> = { scope, acr_values: acrValues };
  if (login.stepUp) params.prompt = "login";
  if (login.uiLocale) params.ui_locales = login.uiLocale;
  // The eID Hub's prefill syntax for a transfer is unconfirmed: Enterprise's `login_hint`
  // items, inside the signed and encrypted request object only (docs/providers/signicat.md).
  if (login.transfer && !cfg.requestSigning)
    throw new SignicatFeatureMissing("session transfer without a request-object key");
  if (cfg.requestSigning) {
    params.request = await eidHubRequestObject(cfg, {
      response_type: "code",
      redirect_uri: redirectUri,
      ...params,
      ...(login.transfer ? { login_hint: transferHints(login) } : {}),
    });
  }
  return params;
}
