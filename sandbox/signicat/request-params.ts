import { compactDecrypt, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { z } from "zod";
import { LEVELS, type Level } from "./personas";
import type { PlatformDialect } from "./platform";
import { REQUEST_OBJECT_CONTENT_ENCRYPTION, REQUEST_OBJECT_SIGNING_ALGS, type SignicatState } from "./state";

/** Signicat's prefill syntax: a list of `name-value` login hints. */
export interface LoginHints {
  subject?: string;
  cvr?: string;
  authTokenId?: string;
  assuranceLevel?: Level;
  /** MitID Session Transfer (ENT-MITID): the code, and the text if the initiator gave one. */
  transferCode?: string;
  transferText?: string;
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
    } else if (name === "transferTokenExchangeCode" && /^[A-Za-z0-9-]{8,200}$/.test(value)) {
      hints.transferCode = value;
    } else if (name === "transferTokenText" && value.length > 0 && value.length <= 1000) {
      hints.transferText = value;
    } else if (name === "assuranceLevel") {
      const level = value.toUpperCase() as Level;
      if (LEVELS.includes(level)) hints.assuranceLevel = level;
    }
  }
  return hints;
}

export type RequestObjectResult =
  { ok: true; claims: Record<string, unknown> } | { ok: false; description: string };

const JWE = /^[\w-]*\.[\w-]*\.[\w-]*\.[\w-]*\.[\w-]*$/;

/**
 * OIDC Core §6.1 request object, as each platform takes it (docs/providers/signicat.md):
 * - eID Hub: a JWT signed with a key registered on the client (asymmetric only), or that JWT
 *   encrypted to the published `use: enc` key (a nested JWT). A `jti` is single-use.
 * - Enterprise: a JWE of plain JSON to the published key; its header must carry that key's `kid`.
 */
export async function openRequestObject(
  state: SignicatState,
  dialect: PlatformDialect,
  clientId: string,
  token: string,
): Promise<RequestObjectResult> {
  const key = state.encryptionKeys[dialect.platform];
  let plaintext: string = token;
  if (JWE.test(token)) {
    try {
      if (decodeProtectedHeader(token).kid !== key.kid) {
        return { ok: false, description: "the request object names no published encryption key (kid)" };
      }
      const opened = await compactDecrypt(token, key.privateKey, {
        keyManagementAlgorithms: [dialect.encryptionAlg],
        contentEncryptionAlgorithms: REQUEST_OBJECT_CONTENT_ENCRYPTION,
      });
      plaintext = new TextDecoder().decode(opened.plaintext);
    } catch {
      return {
        ok: false,
        description: "the request object could not be decrypted with the published enc key",
      };
    }
  } else if (dialect.requestObject === "encrypted-json") {
    return { ok: false, description: "the request object must be encrypted" };
  }

  if (dialect.requestObject === "encrypted-json") {
    let claims: unknown;
    try {
      claims = JSON.parse(plaintext);
    } catch {
      return { ok: false, description: "the request object is not a JSON object" };
    }
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) {
      return { ok: false, description: "the request object is not a JSON object" };
    }
    const c = claims as Record<string, unknown>;
    if (c.client_id !== undefined && c.client_id !== clientId) {
      return { ok: false, description: "the request object's client_id differs from the request's" };
    }
    return { ok: true, claims: c };
  }

  try {
    const { payload } = await jwtVerify(plaintext, createLocalJWKSet({ keys: [...state.registeredKeys] }), {
      algorithms: REQUEST_OBJECT_SIGNING_ALGS,
      issuer: clientId,
      audience: state.issuer(dialect),
      maxTokenAge: "10 minutes",
      clockTolerance: 30,
      currentDate: new Date(state.now()),
    });
    if (payload.client_id !== undefined && payload.client_id !== clientId) {
      return { ok: false, description: "the request object's client_id differs from the request's" };
    }
    if (typeof payload.jti === "string" && !state.useRequestObjectId(clientId, payload.jti)) {
      return { ok: false, description: "the request object's jti was used before" };
    }
    return { ok: true, claims: payload as Record<string, unknown> };
  } catch {
    return {
      ok: false,
      description: "the request object is not signed with a key registered on this client, or is stale",
    };
  }
}
