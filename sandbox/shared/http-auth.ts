import type { Context } from "hono";

import { secretsEqual } from "./secrets";

export interface BasicCredentials {
  clientId: string;
  clientSecret: string;
}

/** Decodes one application/x-www-form-urlencoded component, or undefined when it is malformed. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/**
 * HTTP Basic client authentication as RFC 6749 §2.3.1 defines it: the client id and secret are
 * form-urlencoded before being joined with ":" and base64-encoded, so a ":" inside either survives.
 */
export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  if (!clientId || clientSecret === undefined) return undefined;
  return { clientId, clientSecret };
}

/** RFC 6750 §2.1 bearer token from the Authorization header. */
export function parseBearer(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i.exec(header ?? "");
  return match?.[1];
}

/** The token endpoint's client authentication methods of RFC 6749 §2.3.1 the sandbox knows. */
export type ClientAuthMethod = "client_secret_basic" | "client_secret_post";

/**
 * Why client authentication failed, so each provider can answer in its own words:
 * `missing`: no credentials by an accepted method; `two_methods`: a `client_secret` in the body
 * next to HTTP Basic (RFC 6749 §2.3 allows one method per request); `client_id_differs`: the body's
 * `client_id` names another client than HTTP Basic; `failed`: an unknown client or a wrong secret.
 */
export type ClientAuthFailure = "missing" | "two_methods" | "client_id_differs" | "failed";

export interface ClientAuthPolicy {
  /** What the provider's discovery lists as `token_endpoint_auth_methods_supported`. */
  methods: readonly ClientAuthMethod[];
  secretOf: (clientId: string) => string | undefined;
  /** The provider's `invalid_client` answer. */
  refuse: (c: Context, failure: ClientAuthFailure) => Response;
  /** Faults next to HTTP Basic credentials that this provider lets through, as it does today. */
  tolerates?: readonly ("two_methods" | "client_id_differs")[];
}

/**
 * The client a token request authenticates as (HTTP Basic first, then the body when
 * client_secret_post is accepted), or the provider's refusal.
 */
export function authenticatedClient(
  c: Context,
  form: { client_id?: string; client_secret?: string },
  policy: ClientAuthPolicy,
): string | Response {
  const tolerated = (fault: "two_methods" | "client_id_differs") =>
    policy.tolerates?.includes(fault) ?? false;
  const basic = policy.methods.includes("client_secret_basic")
    ? parseBasicAuth(c.req.header("authorization"))
    : undefined;
  let credentials: BasicCredentials;
  if (basic) {
    if (form.client_secret !== undefined && !tolerated("two_methods")) return policy.refuse(c, "two_methods");
    if (form.client_id !== undefined && form.client_id !== basic.clientId && !tolerated("client_id_differs"))
      return policy.refuse(c, "client_id_differs");
    credentials = basic;
  } else if (
    policy.methods.includes("client_secret_post") &&
    form.client_id !== undefined &&
    form.client_secret !== undefined
  ) {
    credentials = { clientId: form.client_id, clientSecret: form.client_secret };
  } else {
    return policy.refuse(c, "missing");
  }
  const expected = policy.secretOf(credentials.clientId);
  if (expected === undefined || !secretsEqual(credentials.clientSecret, expected)) {
    return policy.refuse(c, "failed");
  }
  return credentials.clientId;
}
