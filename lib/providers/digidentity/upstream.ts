import "server-only";

import * as oauth from "oauth4webapi";

import { discover } from "@/lib/oidc/discovery";

import type { DigidentityConfig } from "./descriptor";

/**
 * Digidentity's back channel on oauth4webapi (the client, its client_secret_basic and options:
 * lib/oidc/client.ts). client_secret_basic is the only method Digidentity's clients use. Facts
 * and their sources: docs/providers/digidentity.md.
 */

/** Digidentity's metadata by discovery (lib/oidc/discovery.ts: issuer checked, kept an hour). */
export function authorizationServer(cfg: DigidentityConfig): Promise<oauth.AuthorizationServer> {
  return discover(cfg.issuer);
}

/** Where user_info.json is: discovery's `userinfo_endpoint`, else the documented path. */
export function userInfoServer(
  cfg: DigidentityConfig,
  as: oauth.AuthorizationServer,
): oauth.AuthorizationServer {
  if (as.userinfo_endpoint) return as;
  return { ...as, userinfo_endpoint: new URL("user_info.json", withSlash(cfg.issuer)).toString() };
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** The ID-token and access-token checks' expectations, from the published metadata. */
export function jwtExpectations(cfg: DigidentityConfig, as: oauth.AuthorizationServer) {
  return {
    issuer: as.issuer,
    clientId: cfg.clientId,
    jwksUri: as.jwks_uri!,
    announcedAlgorithms: as.id_token_signing_alg_values_supported,
  };
}
