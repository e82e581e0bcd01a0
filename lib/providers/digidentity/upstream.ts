import "server-only";

import * as oauth from "oauth4webapi";

import { DiscoveryIssuerError } from "@/lib/oidc/discovery";
import { ProviderError, providerFetch } from "@/lib/upstream/fetch";

import type { DigidentityConfig } from "./descriptor";

/**
 * Digidentity's back channel on oauth4webapi: discovery, client_secret_basic and the options
 * every call shares. Facts and their sources: docs/providers/digidentity.md.
 */

const DISCOVERY_CACHE_MS = 60 * 60 * 1000;

/**
 * oauth4webapi's fetch, on the portal's one upstream client (lib/upstream/fetch.ts: undici's
 * keep-alive pool and its timeout); a network failure is "provider_unreachable".
 */
const poolFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  const body = init?.body;
  return providerFetch(url, {
    method: init?.method === "POST" ? "POST" : "GET",
    headers,
    body: body instanceof URLSearchParams || typeof body === "string" ? body : undefined,
  });
}) as typeof fetch;

/** The options of every oauth4webapi request to this provider. */
export function requestOptions(cfg: DigidentityConfig) {
  return {
    [oauth.customFetch]: poolFetch,
    // The sandbox, or a loopback issuer the operator allowed on purpose (the config refuses
    // plain http otherwise).
    [oauth.allowInsecureRequests]: cfg.issuer.startsWith("http://"),
  };
}

export function client(cfg: DigidentityConfig): oauth.Client {
  return { client_id: cfg.clientId };
}

/** client_secret_basic is the only method Digidentity's public clients use (docs/providers/digidentity.md). */
export function clientAuth(cfg: DigidentityConfig): oauth.ClientAuth {
  return oauth.ClientSecretBasic(cfg.clientSecret);
}

const discovered = new Map<string, { at: number; as: oauth.AuthorizationServer }>();

/**
 * OpenID Connect Discovery 1.0 §4, with the issuer compared as oauth4webapi does (as URLs, so an
 * origin-only issuer matches with or without its trailing slash; a path never loses one).
 * A mismatch is a mix-up, refused as an answer that cannot be verified.
 */
export async function authorizationServer(cfg: DigidentityConfig): Promise<oauth.AuthorizationServer> {
  const hit = discovered.get(cfg.issuer);
  if (hit && Date.now() - hit.at < DISCOVERY_CACHE_MS) return hit.as;
  // Callers that arrive together share one request.
  let pending = discovering.get(cfg.issuer);
  if (!pending) {
    pending = discover(cfg).finally(() => discovering.delete(cfg.issuer));
    discovering.set(cfg.issuer, pending);
  }
  return pending;
}

const discovering = new Map<string, Promise<oauth.AuthorizationServer>>();

async function discover(cfg: DigidentityConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(cfg.issuer);
  const res = await oauth.discoveryRequest(issuer, requestOptions(cfg));
  let as: oauth.AuthorizationServer;
  try {
    as = await oauth.processDiscoveryResponse(issuer, res);
  } catch (e) {
    // Every caller (login starts, polls, the report) handles ProviderError; an answer that is
    // not a discovery document is the provider's malfunction, another issuer a mix-up.
    if (e instanceof ProviderError) throw e;
    const code = (e as { code?: unknown }).code;
    if (code === oauth.JSON_ATTRIBUTE_COMPARISON) throw new DiscoveryIssuerError();
    throw new ProviderError("provider_error", `discovery answer refused: ${String(code)}`, { cause: e });
  }
  for (const endpoint of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (typeof as[endpoint] !== "string") {
      throw new ProviderError("provider_error", `discovery document has no ${endpoint}`);
    }
  }
  discovered.set(cfg.issuer, { at: Date.now(), as });
  return as;
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
