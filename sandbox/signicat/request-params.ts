import { compactDecrypt, jwtVerify } from "jose";
import { z } from "zod";
import { LEVELS, type Level } from "./personas";
import { REQUEST_OBJECT_ENCRYPTION, REQUEST_OBJECT_SIGNING_ALG, type SignicatState } from "./state";

/** Signicat's prefill syntax: a list of `name-value` login hints. */
export interface LoginHints {
  subject?: string;
  cvr?: string;
  authTokenId?: string;
  assuranceLevel?: Level;
}

const hintList = z.union([z.string().max(4000), z.array(z.string().max(2000)).max(20)]);

/**
 * `login_hint` arrives as a JSON list in a request object and as a space-separated string in a
 * URL. Unknown or malformed hints are ignored, as a broker ignores prefills it does not know.
 */
export function parseLoginHints(value: unknown): LoginHints {
  const parsed = hintList.safeParse(value);
  if (!parsed.success) return {};
  const items = typeof parsed.data === "string" ? parsed.data.split(/\s+/) : parsed.data;
  const hints: LoginHints = {};
  for (const item of items) {
    const dash = item.indexOf("-");
    if (dash < 1) continue;
    const name = item.slice(0, dash);
    const value = item.slice(dash + 1);
    if (name === "subject") {
      const digits = value.replace("-", "");
      if (/^\d{10}$/.test(digits)) hints.subject = digits;
    } else if (name === "cvr" && /^\d{8}$/.test(value)) {
      hints.cvr = value;
    } else if (name === "authTokenId" && /^[A-Za-z0-9:_-]{8,200}$/.test(value)) {
      hints.authTokenId = value;
    } else if (name === "assuranceLevel") {
      const level = value.toUpperCase() as Level;
      if (LEVELS.includes(level)) hints.assuranceLevel = level;
    }
  }
  return hints;
}

/**
 * The lowest level `acr_values` allows: any value ending in LOW, SUBSTANTIAL or HIGH (Signicat's
 * exact acr strings for MitID are unconfirmed, see README), the lowest of several.
 */
export function levelFromAcrValues(acrValues: string | undefined): Level | undefined {
  if (!acrValues) return undefined;
  const levels = acrValues
    .split(/\s+/)
    .map((value) => /(LOW|SUBSTANTIAL|HIGH)$/i.exec(value)?.[1]?.toUpperCase() as Level | undefined)
    .filter((level): level is Level => level !== undefined);
  if (levels.length === 0) return undefined;
  return levels.reduce((a, b) => (LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b));
}

export type RequestObjectResult =
  { ok: true; claims: Record<string, unknown> } | { ok: false; description: string };

/**
 * OIDC Core §6.1 request object, encrypted to the sandbox's published `enc` key (RSA-OAEP-256,
 * A256GCM) around a JWT signed with the client secret (HS256, §10.1). Encryption keeps a
 * prefilled CPR out of every URL; the signature proves the client wrote it.
 */
export async function openRequestObject(
  state: SignicatState,
  clientId: string,
  jwe: string,
): Promise<RequestObjectResult> {
  const secret = state.clientSecret(clientId);
  if (secret === undefined) return { ok: false, description: "unknown client" };
  let inner: string;
  try {
    const { plaintext } = await compactDecrypt(jwe, state.encryptionKey.privateKey, {
      keyManagementAlgorithms: [REQUEST_OBJECT_ENCRYPTION.alg],
      contentEncryptionAlgorithms: [REQUEST_OBJECT_ENCRYPTION.enc],
    });
    inner = new TextDecoder().decode(plaintext);
  } catch {
    return { ok: false, description: "the request object could not be decrypted with the published enc key" };
  }
  try {
    const { payload } = await jwtVerify(inner, new TextEncoder().encode(secret), {
      algorithms: [REQUEST_OBJECT_SIGNING_ALG],
      issuer: clientId,
      audience: state.settings.issuer,
      maxTokenAge: "10 minutes",
      clockTolerance: 30,
      currentDate: new Date(state.now()),
    });
    if (payload.client_id !== undefined && payload.client_id !== clientId) {
      return { ok: false, description: "the request object's client_id differs from the request's" };
    }
    return { ok: true, claims: payload as Record<string, unknown> };
  } catch {
    return { ok: false, description: "the request object is not signed by this client, or is stale" };
  }
}
