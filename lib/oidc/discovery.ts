import "server-only";

import * as oauth from "oauth4webapi";

import { ProviderError, providerFetch } from "@/lib/upstream/fetch";
import { promiseCache } from "@/lib/upstream/promise-cache";

/**
 * The discovery document names another issuer: its endpoints and keys cannot be trusted (a
 * mix-up). A ProviderError, so every caller that handles those handles this one; a login it
 * stops ends on its own page (`issuer_mismatch`, lib/login-failure/classify.ts).
 */
export class DiscoveryIssuerError extends ProviderError {
  constructor() {
    super("provider_error", "discovery issuer differs from the configured issuer");
    this.name = "DiscoveryIssuerError";
  }
}

/**
 * oauth4webapi's fetch, on the portal's one upstream client (lib/upstream/fetch.ts: undici's
 * keep-alive pool and its timeout), so a poll every second reuses one connection; a network
 * failure is "provider_unreachable".
 */
const poolFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  const body = init?.body;
  return providerFetch(url, {
    method: init?.method === "POST" ? "POST" : "GET",
    headers: Object.fromEntries(new Headers(init?.headers).entries()),
    body: body instanceof URLSearchParams || typeof body === "string" ? body : undefined,
  });
}) as typeof fetch;

/**
 * The options of every oauth4webapi request to the provider at `issuer`. Plain http only reaches
 * here for the sandbox or a loopback issuer the operator allowed on purpose (lib/config-schema.ts
 * refuses it otherwise).
 */
export function upstreamOptions(issuer: string) {
  return {
    [oauth.customFetch]: poolFetch,
    [oauth.allowInsecureRequests]: issuer.startsWith("http://"),
  };
}

/** What every provider here needs from its metadata. */
export type ProviderMetadata = oauth.AuthorizationServer & {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
};

const cached = promiseCache<ProviderMetadata>(60 * 60 * 1000);

/**
 * OpenID Connect Discovery 1.0 §4, through oauth4webapi: the document's `issuer` must be the
 * configured one (§4.3, compared as URLs, so an origin-only issuer matches with or without its
 * trailing slash); otherwise a compromised or misconfigured document could point us elsewhere.
 * Kept for an hour; callers that arrive together share one request, and a failure is not kept.
 */
export function discover(issuer: string): Promise<ProviderMetadata> {
  return cached(issuer, () => fetchMetadata(issuer));
}

async function fetchMetadata(issuer: string): Promise<ProviderMetadata> {
  const expected = new URL(issuer);
  let as: oauth.AuthorizationServer;
  try {
    const res = await oauth.discoveryRequest(expected, upstreamOptions(issuer));
    as = await oauth.processDiscoveryResponse(expected, res);
  } catch (e) {
    // Every caller (login starts, polls, reports) handles ProviderError: an answer that is not
    // a discovery document is the provider's malfunction, another issuer a mix-up.
    if (e instanceof ProviderError) throw e;
    if (e instanceof oauth.OperationProcessingError && e.code === oauth.JSON_ATTRIBUTE_COMPARISON)
      throw new DiscoveryIssuerError();
    const code = (e as { code?: unknown }).code;
    throw new ProviderError("provider_error", `discovery answer refused: ${String(code)}`, { cause: e });
  }
  for (const endpoint of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (typeof as[endpoint] !== "string")
      throw new ProviderError("provider_error", `discovery document has no ${endpoint}`);
  }
  return as as ProviderMetadata;
}
