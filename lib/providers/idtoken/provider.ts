import "server-only";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";

import { decode, encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";

import { getConfig } from "@/lib/config";
import type { IdtokenConfig } from "./descriptor";
import { IdTokenClaimsError, idTokenIdentityFromPayload, type IdTokenIdentity } from "@/lib/identity";
import { ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";

import { IDTOKEN_ID } from "./descriptor";

export { IDTOKEN_ID };

type IdToken = IdtokenConfig;

// ---------------------------------------------------------------------------------------------
// Per-browser login state, in an encrypted httpOnly cookie set when this portal's server
// initiated the session: the JWT is accepted only for the session and token id it names.
// ---------------------------------------------------------------------------------------------

const COOKIE_SALT = "idtoken-login";

const loginStateSchema = z.discriminatedUnion("phase", [
  z.object({
    phase: z.literal("pending"),
    sessionId: z.string(),
    tokenId: z.string(),
    expiresAt: z.number(),
  }),
  z.object({
    phase: z.literal("approved"),
    sessionId: z.string(),
    tokenId: z.string(),
    jwt: z.string(),
    expiresAt: z.number(),
  }),
]);

export type IdTokenLoginState = z.infer<typeof loginStateSchema>;

function secureCookies(): boolean {
  return getConfig().secureCookies;
}

/** `__Host-` pins the cookie to this origin over https; plain http (local demo) cannot use it. */
export function idTokenCookieName(): string {
  return secureCookies() ? "__Host-idtoken-login" : "idtoken-login";
}

export function idTokenCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: secureCookies(),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}

/**
 * The "remember my token ID" preference. A token id alone logs nobody in (the holder must
 * approve on their phone), so it may be kept; still httpOnly, as page JavaScript has no use for it.
 */
export const REMEMBERED_TOKEN_COOKIE = "idtoken-remembered";
export const REMEMBER_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export async function sealIdTokenState(state: IdTokenLoginState): Promise<string> {
  const maxAge = Math.max(1, Math.ceil((state.expiresAt - Date.now()) / 1000));
  return encode({ token: state, secret: getConfig().authSecret, salt: COOKIE_SALT, maxAge });
}

/** Null for a missing, tampered, expired or foreign cookie: all mean "no login here". */
export async function openIdTokenState(value: string | undefined): Promise<IdTokenLoginState | null> {
  if (!value || value.length > 16384) return null;
  try {
    const payload = await decode({ token: value, secret: getConfig().authSecret, salt: COOKIE_SALT });
    const parsed = loginStateSchema.safeParse(payload);
    return parsed.success && parsed.data.expiresAt > Date.now() ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The operator's API (seed 002, providers.md).
// ---------------------------------------------------------------------------------------------

const initiateAnswerSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  autoPassword: z.string().regex(/^[0-9]{6}$/),
  wsToken: z.string().regex(/^[A-Za-z0-9._~-]{1,512}$/),
  expiresAt: z.iso.datetime({ offset: true }),
});

/** The operator refused the token id itself: the person can correct it. */
export class UnknownTokenError extends Error {
  constructor() {
    super("the operator does not know this token id");
    this.name = "UnknownTokenError";
  }
}

/**
 * POST /auth/initiate. The OTP and the socket URL are for the page; the session id and token id
 * also go into this browser's cookie, against which the JWT is checked later.
 */
export async function initiateIdTokenLogin(cfg: IdToken, tokenId: string) {
  const res = await providerFetch(`${cfg.operatorUrl}/auth/initiate`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ tokenId, serviceId: cfg.serviceId, scopes: cfg.scopes }),
  });
  const body = await readJson(res);
  if (res.status === 404 && (body as { error?: unknown })?.error === "unknown_token")
    throw new UnknownTokenError();
  if (!res.ok) {
    const code = (body as { error?: unknown })?.error;
    throw new ProviderError(
      "provider_error",
      `initiate answered ${res.status} ${typeof code === "string" ? code : "?"}`,
    );
  }
  const parsed = initiateAnswerSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("provider_error", "initiate answer is malformed");
  const { sessionId, autoPassword, wsToken } = parsed.data;
  const expiresAt = Date.parse(parsed.data.expiresAt);
  const socketUrl = `${cfg.wsUrl}/ws/session/${encodeURIComponent(sessionId)}?${new URLSearchParams({ token: wsToken })}`;
  const state: IdTokenLoginState = { phase: "pending", sessionId, tokenId, expiresAt };
  return { state, autoPassword, socketUrl, expiresAt };
}

/** The JWT failed a check: signature, algorithm, issuer, audience, time, subject or session. */
export class IdTokenJwtError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IdTokenJwtError";
  }
}

const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** The operator's keys, cached (its JWKS says max-age 3600; jose keeps them for 10 minutes). */
function operatorKeys(cfg: IdToken) {
  const uri = `${cfg.operatorUrl}/.well-known/jwks.json`;
  let set = jwksByUri.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri), { timeoutDuration: 10_000, cooldownDuration: 30_000 });
    jwksByUri.set(uri, set);
  }
  return set;
}

/**
 * Verify an IDToken JWT for the session this browser started: ES256 only (the operator's
 * algorithm; never none or HS256), `iss`, `aud`, `exp`, `sub` = the token id typed here, and the
 * session claim = the session this portal initiated. The JWT alone proves nothing about which
 * browser asked, which is why the cookie is the other half.
 */
export async function verifyIdTokenJwt(
  cfg: IdToken,
  jwt: string,
  expected: { sessionId: string; tokenId: string },
): Promise<IdTokenIdentity> {
  const keys = operatorKeys(cfg);
  const options = {
    issuer: cfg.issuer,
    audience: cfg.audience,
    algorithms: ["ES256"],
    requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
    clockTolerance: 30,
  };
  let payload;
  try {
    try {
      ({ payload } = await jwtVerify(jwt, keys, options));
    } catch (e) {
      // A kid we have not seen may be a key published since we last fetched: reload once.
      if (!(e instanceof joseErrors.JWKSNoMatchingKey)) throw e;
      await keys.reload();
      ({ payload } = await jwtVerify(jwt, keys, options));
    }
  } catch (cause) {
    const code = cause instanceof joseErrors.JOSEError ? cause.code : "unknown";
    throw new IdTokenJwtError(`JWT refused (${code})`, { cause });
  }
  if (payload.sub !== expected.tokenId)
    throw new IdTokenJwtError("sub is not the token id this browser started with");
  if (payload[cfg.sessionClaim] !== expected.sessionId) {
    throw new IdTokenJwtError("the JWT answers another session than the one this browser started");
  }
  try {
    return idTokenIdentityFromPayload(payload);
  } catch (e) {
    if (e instanceof IdTokenClaimsError) throw new IdTokenJwtError(e.message);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The NextAuth provider: `authorize` takes the approved JWT from this browser's cookie (once),
// verifies it again, and returns the user.
// ---------------------------------------------------------------------------------------------

async function completeIdTokenLogin(cfg: IdToken) {
  const jar = await cookies();
  const name = idTokenCookieName();
  const state = await openIdTokenState(jar.get(name)?.value);
  // Single use: whatever happens next, this browser's login state is spent.
  jar.delete(name);
  if (!state || state.phase !== "approved") throw new SignInRefused("login_incomplete");
  try {
    const identity = await verifyIdTokenJwt(cfg, state.jwt, state);
    return { id: identity.subject, identity };
  } catch (e) {
    if (e instanceof IdTokenJwtError) throw new SignInRefused("id_token_invalid");
    if (e instanceof ProviderError) throw new SignInRefused(e.reason);
    throw e;
  }
}

export function idTokenProvider(cfg: IdToken) {
  return Credentials({
    id: IDTOKEN_ID,
    name: "IDToken",
    credentials: {},
    authorize: () => completeIdTokenLogin(cfg),
  });
}
