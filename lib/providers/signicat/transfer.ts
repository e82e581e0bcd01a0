import "server-only";

import * as oauth from "oauth4webapi";
import { z } from "zod";

import { oauthClient } from "@/lib/oidc/client";
import { sealedCookie } from "@/lib/sealed-cookie";
import { ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";

import type { SignicatConfig } from "./descriptor";
import { CTA_SCOPE, type SessionTransferConfig, type TransferPartner } from "./transfer-config";

/**
 * MitID Session Transfer (docs/providers/signicat.md "MitID Session Transfer"): the portal as
 * the initiating service provider (SP-A) asks Signicat's Session Transfer API for a Transfer
 * Token Exchange Code, and as the receiving one (SP-B) remembers whom a hand-over came from
 * while the login it starts is under way. Neither the code nor the text is ever logged.
 */

/** The hand-over between the two services: our choice, as the seed leaves it to them. */
export const HANDOVER_FIELDS = {
  code: "transfer_token_exchange_code",
  text: "transfer_token_text",
  sender: "sender",
  issuedAt: "issued_at",
} as const;

export const handoverSchema = z.object({
  [HANDOVER_FIELDS.code]: z.string().regex(/^[A-Za-z0-9-]{8,200}$/, "not a transfer code"),
  [HANDOVER_FIELDS.text]: z.string().min(1).max(1000).optional(),
  [HANDOVER_FIELDS.sender]: z.string().min(1).max(200),
  [HANDOVER_FIELDS.issuedAt]: z.coerce.number().int().min(0).max(99_999_999_999),
});

/** The exchange-code answer; its member name follows MitID's term (unconfirmed for Signicat). */
export const exchangeCodeResponseSchema = z.looseObject({
  transferTokenExchangeCode: z.string().regex(/^[A-Za-z0-9-]{8,200}$/),
});

/** The request body for one partner (unconfirmed member names; see the docs). */
export function exchangeCodeRequest(ctaId: string, partner: TransferPartner, text: string | undefined) {
  return {
    ctaId,
    receivingBroker: partner.broker,
    receivingServiceProvider: partner.serviceProvider,
    ...(text !== undefined ? { transferTokenText: text } : {}),
  };
}

/**
 * A client-credentials token with `client.mitid.cta` (oauth4webapi's grant and checks), from the
 * issuer's token endpoint unless one is configured. The transfer client has its own id and secret.
 */
async function apiAccessToken(cfg: SignicatConfig, transfer: SessionTransferConfig): Promise<string> {
  const { tokenUrl } = transfer;
  const api = oauthClient(
    { issuer: cfg.issuer, clientId: transfer.clientId, clientSecret: transfer.clientSecret },
    tokenUrl ? async () => ({ issuer: cfg.issuer, token_endpoint: tokenUrl }) : undefined,
  );
  const as = await api.metadata();
  const res = await oauth.clientCredentialsGrantRequest(
    as,
    api.client,
    api.auth,
    { scope: CTA_SCOPE },
    api.options,
  );
  try {
    return (await oauth.processClientCredentialsResponse(as, api.client, res)).access_token;
  } catch (cause) {
    throw new ProviderError("provider_error", `the token endpoint answered ${res.status}`, { cause });
  }
}

/** SP-A: a Transfer Token Exchange Code for this login (its `signicat.cta_id`) and partner. */
export async function requestExchangeCode(
  cfg: SignicatConfig,
  transfer: SessionTransferConfig,
  ctaId: string,
  partner: TransferPartner,
  text: string | undefined,
): Promise<string> {
  const token = await apiAccessToken(cfg, transfer);
  const res = await providerFetch(transfer.apiUrl, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json",
    },
    body: JSON.stringify(exchangeCodeRequest(ctaId, partner, text)),
  });
  if (!res.ok) throw new ProviderError("provider_error", `the Session Transfer API answered ${res.status}`);
  const parsed = exchangeCodeResponseSchema.safeParse(await readJson(res));
  if (!parsed.success)
    throw new ProviderError("provider_error", "the Session Transfer API's answer is malformed");
  return parsed.data.transferTokenExchangeCode;
}

/**
 * SP-B: whom the login under way was handed over from. Set when a hand-over starts a login,
 * cleared by every other MitID login start, read once when the login comes back.
 */
export const transferFromCookie = sealedCookie(
  "signicat-transfer-from",
  "signicat-transfer-from",
  z.object({ sender: z.string().max(200), name: z.string().max(100), expiresAt: z.number() }),
);

/** How long the login a hand-over starts may take to come back (ten minutes: our choice). */
export const TRANSFER_LOGIN_SECONDS = 600;
