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
