import "server-only";

import { SignInRefused } from "@/lib/login-failure/sign-in-refused";

import { decode, encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { randomBytes } from "node:crypto";
import { z } from "zod";

import { getConfig } from "@/lib/config";
import type { DigidentityConfig } from "./descriptor";
import { MissingUidAttributesError, sermiIdentityFromUserInfo } from "@/lib/identity";
import type { LoginErrorReason } from "@/lib/login-failure/reasons";
import { discover } from "@/lib/oidc/discovery";
import { postFormWithClientSecret, ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";
import { IdTokenError, verifyProviderIdToken, verifyProviderJwt } from "@/lib/oidc/id-token";
import { PollPace } from "@/lib/oidc/poll-pace";
import { digidentityScope } from "./web";

import { DIGIDENTITY_QR_ID } from "./descriptor";

export { DIGIDENTITY_QR_ID };

type Digidentity = DigidentityConfig;

// ---------------------------------------------------------------------------------------------
// The per-browser login state. It lives only in an encrypted, httpOnly cookie: the code and the
// tokens never reach page JavaScript, and any portal instance can serve the next request.
// ---------------------------------------------------------------------------------------------

const COOKIE_SALT = "digidentity-qr-login";

const loginStateSchema = z.discriminatedUnion("phase", [
  z.object({
    phase: z.literal("pending"),
    code: z.string(),
    nonce: z.string(),
    expiresAt: z.number(),
  }),
  z.object({
    phase: z.literal("approved"),
    accessToken: z.string(),
    idToken: z.string().optional(),
    nonce: z.string(),
    expiresAt: z.number(),
  }),
]);

export type QrLoginState = z.infer<typeof loginStateSchema>;

/** `__Host-` pins the cookie to this origin over https; plain http (local demo) cannot use it. */
export function qrCookieName(): string {
  return getConfig().secureCookies ? "__Host-digidentity-qr" : "digidentity-qr";
}

export function qrCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getConfig().secureCookies,
    path: "/",
    maxAge: maxAgeSeconds,
  };
}

export async function sealLoginState(state: QrLoginState): Promise<string> {
  const maxAge = Math.max(1, Math.ceil((state.expiresAt - Date.now()) / 1000));
  return encode({ token: state, secret: getConfig().authSecret, salt: COOKIE_SALT, maxAge });
}

/**
 * A page polls with the same cookie every second, and opening it (key derivation and
 * decryption) is most of a poll's own work. The cookie is authenticated ciphertext, so the
 * same string always opens to the same state: remember the states opened lately, in this
 * instance only, until they expire. Bounded, oldest out first; only valid cookies get in.
 */
const openedStates = new Map<string, QrLoginState>();
const MAX_OPENED_STATES = 20_000;

function remember<V>(map: Map<string, V>, key: string, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

/** Null for a missing, tampered, expired or foreign cookie: all mean "no login here". */
export async function openLoginState(value: string | undefined): Promise<QrLoginState | null> {
  if (!value || value.length > 8192) return null;
  const known = openedStates.get(value);
  if (known) {
    if (known.expiresAt > Date.now()) return known;
    openedStates.delete(value);
  }
  try {
    const payload = await decode({ token: value, secret: getConfig().authSecret, salt: COOKIE_SALT });
    const parsed = loginStateSchema.safeParse(payload);
    if (!parsed.success) return null;
    remember(openedStates, value, parsed.data, MAX_OPENED_STATES);
    return parsed.data;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Digidentity's passwordless API (seed 000/001, providers.md).
// ---------------------------------------------------------------------------------------------

const passwordlessSessionSchema = z.object({
  data: z.object({
    id: z.string().min(1).max(2048),
    type: z.literal("passwordless_login_session"),
    attributes: z.object({
      type: z.literal("qr_code"),
      qr_code_uri: z.url().max(2048),
    }),
  }),
});

/** The `.json` variant of the authorization endpoint answers a QR code instead of a page. */
export function passwordlessEndpoint(authorizationEndpoint: string): string {
  const url = new URL(authorizationEndpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}.json`;
  return url.toString();
}

/**
 * Step 1: ask Digidentity for a QR code and its paired authorisation code. The code goes into
 * the login state; only the QR URI is for the page.
 */
export async function startPasswordlessLogin(cfg: Digidentity) {
  const metadata = await discover(cfg.issuer);
  const url = new URL(passwordlessEndpoint(metadata.authorization_endpoint));
  const nonce = randomBytes(16).toString("base64url");
  url.searchParams.set("client_id", cfg.clientId);
  url.searchParams.set("scope", digidentityScope(cfg));
  url.searchParams.set("response_type", "code");
  // Not in Digidentity's public docs; harmless if ignored, and binds the ID token if honoured.
  url.searchParams.set("nonce", nonce);

  const res = await providerFetch(url.toString(), {
    headers: { accept: "application/vnd.api+json, application/json" },
  });
  if (!res.ok) throw new ProviderError("provider_error", `passwordless start answered ${res.status}`);
  const parsed = passwordlessSessionSchema.safeParse(await readJson(res));
  if (!parsed.success) throw new ProviderError("provider_error", "passwordless session is malformed");

  const expiresAt = Date.now() + cfg.qrTtlSeconds * 1000;
  const state: QrLoginState = { phase: "pending", code: parsed.data.data.id, nonce, expiresAt };
  return { state, qrCodeUri: parsed.data.data.attributes.qr_code_uri, expiresAt };
}

const tokenSuccessSchema = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().regex(/^bearer$/i),
  id_token: z.string().max(16384).optional(),
  expires_in: z.coerce.number().optional(),
});

const tokenErrorSchema = z.object({
  error: z.string().max(200).optional(),
  error_description: z.string().max(500).optional(),
});

export type PollOutcome =
  | { status: "pending"; slowDown: boolean }
  | { status: "approved"; state: QrLoginState }
  | { status: "expired" | "declined" }
  | {
      status: "refused";
      reason: Extract<LoginErrorReason, "authorisation_revoked" | "chain_authorisation_used">;
    };

/**
 * Step 2: one poll of the token endpoint with the authorisation code. Digidentity answers 400
 * `login_pending` until the user entered their PIN, `session_not_found` once the QR expired.
 */
export async function pollPasswordlessLogin(
  cfg: Digidentity,
  state: Extract<QrLoginState, { phase: "pending" }>,
): Promise<PollOutcome> {
  const metadata = await discover(cfg.issuer);
  const { res, body } = await postFormWithClientSecret(cfg, metadata.token_endpoint, {
    grant_type: "authorization_code",
    code: state.code,
  });

  if (res.ok) {
    const tokens = tokenSuccessSchema.safeParse(body);
    if (!tokens.success) throw new ProviderError("provider_error", "token answer is malformed");
    return {
      status: "approved",
      state: {
        phase: "approved",
        accessToken: tokens.data.access_token,
        idToken: tokens.data.id_token,
        nonce: state.nonce,
        // The approved state only has to live until the page completes the sign-in.
        expiresAt: Date.now() + 60_000,
      },
    };
  }

  const err = tokenErrorSchema.safeParse(body);
  const code = err.success ? (err.data.error_description ?? err.data.error ?? "") : "";
  const error = err.success ? err.data.error : undefined;
  if (code === "login_pending" || error === "authorization_pending")
    return { status: "pending", slowDown: false };
  if (error === "slow_down") return { status: "pending", slowDown: true };
  if (code === "session_not_found" || error === "expired_token") return { status: "expired" };
  if (code === "login_declined") return { status: "declined" };
  if (code === "authorisation_revoked" || code === "chain_authorisation_used") {
    return { status: "refused", reason: code };
  }
  if (error === "access_denied") return { status: "declined" };
  throw new ProviderError("provider_error", `token endpoint answered ${res.status} ${error ?? "?"}`);
}

/**
 * Digidentity sets the pace: however often a browser (or several tabs, or a script) asks, this
 * instance asks the token endpoint about one login at most once per poll interval (twice that
 * after `slow_down`); see lib/oidc/poll-pace.ts.
 */
const tokenPolls = new PollPace<PollOutcome>();

export function pollPasswordlessLoginAtPace(
  cfg: Digidentity,
  state: Extract<QrLoginState, { phase: "pending" }>,
): Promise<PollOutcome> {
  return tokenPolls.ask(
    state.code,
    (last) =>
      last.status !== "pending"
        ? FINAL_ANSWER_MS
        : (last.slowDown ? cfg.pollIntervalMs * 2 : cfg.pollIntervalMs) * PACE_SLACK,
    () => pollPasswordlessLogin(cfg, state),
  );
}

/** A browser's timer measures from when its previous answer arrived, so it never runs early. */
const PACE_SLACK = 0.9;
/**
 * The token endpoint hands tokens out once: a second call for the same code would hear "session
 * not found", and the poll that carried it would wipe the approved cookie the first one set.
 */
const FINAL_ANSWER_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// Step 3: the NextAuth provider. `authorize` takes the tokens from the approved state (once),
// verifies the ID token, fetches the UID attributes and returns the user.
// ---------------------------------------------------------------------------------------------

async function completePasswordlessLogin(cfg: Digidentity) {
  const jar = await cookies();
  const name = qrCookieName();
  const state = await openLoginState(jar.get(name)?.value);
  // Single use: whatever happens next, this browser's login state is spent.
  jar.delete(name);
  if (!state || state.phase !== "approved" || state.expiresAt < Date.now()) {
    throw new SignInRefused("login_incomplete");
  }

  const metadata = await discover(cfg.issuer);
  let idTokenSub: string | undefined;
  if (state.idToken) {
    try {
      idTokenSub = (await verifyProviderIdToken(cfg, state.idToken, state.nonce)).sub;
    } catch (e) {
      if (e instanceof IdTokenError) throw new SignInRefused("id_token_invalid");
      throw e;
    }
  }

  const userinfoUrl = metadata.userinfo_endpoint ?? `${cfg.issuer}/user_info.json`;
  const res = await providerFetch(userinfoUrl, {
    headers: { authorization: `Bearer ${state.accessToken}`, accept: "application/json" },
  });
  if (!res.ok) throw new SignInRefused("provider_error");
  const claims = await readJson(res);
  // OpenID Connect Core §5.3.2: the userinfo `sub` must be the ID token's.
  if (idTokenSub !== undefined && (claims as { sub?: unknown })?.sub !== idTokenSub) {
    throw new SignInRefused("id_token_invalid");
  }
  try {
    const identity = sermiIdentityFromUserInfo(claims, DIGIDENTITY_QR_ID);
    const reportPseudonym = await pseudonymFromAccessToken(cfg, state.accessToken, identity.subject);
    return { id: identity.subject, identity: reportPseudonym ? { ...identity, reportPseudonym } : identity };
  } catch (e) {
    if (e instanceof MissingUidAttributesError) throw new SignInRefused("no_uid_attributes");
    throw e;
  }
}

/**
 * "Retrieve user pseudonym from access token" (seed 000): when the access token is a JWT signed
 * by the provider, for this client and this user, its pseudonym claim keys the identity report.
 * An opaque token, or one that does not verify, simply means no report link.
 */
async function pseudonymFromAccessToken(cfg: Digidentity, accessToken: string, subject: string) {
  if (accessToken.split(".").length !== 3) return undefined;
  try {
    const payload = await verifyProviderJwt(cfg, accessToken);
    const pseudonym = payload[cfg.pseudonymClaim];
    if (payload.sub !== subject || typeof pseudonym !== "string" || !/^[\w.-]{1,128}$/.test(pseudonym)) {
      return undefined;
    }
    return pseudonym;
  } catch {
    return undefined;
  }
}

export function digidentityQrProvider(cfg: Digidentity) {
  return Credentials({
    id: DIGIDENTITY_QR_ID,
    name: "Digidentity QR code",
    credentials: {},
    async authorize() {
      try {
        return await completePasswordlessLogin(cfg);
      } catch (e) {
        if (e instanceof SignInRefused) throw e;
        if (e instanceof ProviderError) throw new SignInRefused(e.reason);
        throw e;
      }
    },
  });
}
