import "server-only";

import * as oauth from "oauth4webapi";

import { discover, upstreamOptions } from "./discovery";

/** What a confidential client of one provider is configured with. */
export type ClientSettings = { issuer: string; clientId: string; clientSecret: string };

/**
 * One provider's client on oauth4webapi, the same for every provider here: the client,
 * client_secret_basic (oauth4webapi form-encodes id and secret first, RFC 6749 §2.3.1), the
 * options every request shares (./discovery.ts: the keep-alive pool, http only where allowed)
 * and the provider's metadata, by discovery unless `metadata` says otherwise (an endpoint the
 * provider documents but does not publish, or one configured by hand).
 */
export function oauthClient(
  cfg: ClientSettings,
  metadata: () => Promise<oauth.AuthorizationServer> = () => discover(cfg.issuer),
) {
  return {
    client: { client_id: cfg.clientId } satisfies oauth.Client as oauth.Client,
    auth: oauth.ClientSecretBasic(cfg.clientSecret),
    options: upstreamOptions(cfg.issuer),
    metadata,
  };
}

export type OAuthClient = ReturnType<typeof oauthClient>;
