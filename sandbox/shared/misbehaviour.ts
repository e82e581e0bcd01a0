import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from "jose";
import { z } from "zod";

import { sandboxError } from "./errors";
import { formParams, jsonBody } from "./forms";
import { hasMessage, t } from "./i18n";
import { SIGNING_ALG, type SigningKey } from "./signing-key";

/**
 * Ways a provider can answer wrongly, so people can watch the portal refuse each one in a demo
 * and in their own tests. Set per client: one portal can misbehave while another logs in.
 * `rotated_key` and the key-set modes after `wrong_session` are the exceptions that must be
 * *accepted*: a new signing key the client has not seen yet, a token without `kid`, keys in the
 * JWKS nobody can use (the OpenID Foundation's RP conformance cases, docs/conformance.md).
 */
export const MISBEHAVIOURS = {
  none: "Behave correctly",
  bad_signature: "ID token signed with a key that is not in the JWKS",
  alg_none: "ID token with alg none (unsigned)",
  hs256_client_secret: "ID token signed HS256 with the client secret",
  wrong_iss: "ID token from another issuer",
  wrong_aud: "ID token for another client",
  missing_aud: "ID token without aud",
  expired: "ID token that expired an hour ago",
  missing_iat: "ID token without iat",
  missing_sub: "ID token without sub",
  wrong_nonce: "ID token with another nonce",
  missing_nonce: "ID token without the nonce that was sent",
  wrong_state: "Authorization response with a forged state",
  missing_state: "Authorization response without state",
  wrong_response_iss: "Authorization response with another issuer's iss (RFC 9207)",
  userinfo_sub_mismatch: "Userinfo about another subject than the ID token",
  access_denied: "Authorization response access_denied",
  garbage: "Token endpoint answers an HTML page",
  rotated_key: "ID token signed with a newly rotated key (must be accepted)",
  wrong_session: "JWT that answers another login session",
  kid_absent_single: "ID token without kid, signed with the only key (must be accepted)",
  kid_absent_several: "ID token without kid, the JWKS holding several keys (must be accepted)",
  unparseable_key: "JWKS with keys nobody can use beside the real one (must be accepted)",
  rotated_key_no_kid: "ID token signed with a brand-new key, without kid (must be accepted)",
  token_server_error: "Token endpoint answers 500",
  userinfo_server_error: "Userinfo endpoint answers 500",
  no_id_token:
    "Token answer without an ID token, as an OAuth 2.0 server answers (Digidentity: must be accepted)",
} as const;

export type Misbehaviour = keyof typeof MISBEHAVIOURS;

/** The ID token's signature and claims, which every provider's tokens can get wrong (the e2e tests' list). */
export const ID_TOKEN_MISBEHAVIOURS = [
  "bad_signature",
  "alg_none",
  "hs256_client_secret",
  "wrong_iss",
  "wrong_aud",
  "missing_aud",
  "expired",
  "missing_iat",
  "missing_sub",
] as const satisfies readonly Misbehaviour[];

/** What only an OpenID provider has to get wrong: the nonce, the redirect back, userinfo, the token endpoint. */
export const OIDC_ONLY_MISBEHAVIOURS = [
  "wrong_nonce",
  "missing_nonce",
  "wrong_state",
  "missing_state",
  "wrong_response_iss",
  "userinfo_sub_mismatch",
  "access_denied",
  "garbage",
] as const satisfies readonly Misbehaviour[];
const OIDC_ONLY: readonly Misbehaviour[] = OIDC_ONLY_MISBEHAVIOURS;

/**
 * What a provider's own endpoints answer wrongly (a 500 from token or userinfo, tokens without
 * an ID token): only providers whose routes apply them (`misbehavingTokenAnswer`,
 * `misbehavingTokens`, `misbehavingUserinfoAnswer`) offer them.
 */
export const ENDPOINT_MISBEHAVIOURS: readonly Misbehaviour[] = [
  "token_server_error",
  "userinfo_server_error",
  "no_id_token",
];

/** What an OpenID provider can do wrong: every mode but IDToken's own `wrong_session`. */
export const OIDC_MISBEHAVIOURS = (Object.keys(MISBEHAVIOURS) as Misbehaviour[]).filter(
  (mode) => mode !== "wrong_session" && !ENDPOINT_MISBEHAVIOURS.includes(mode),
);

/** An OpenID provider whose token and userinfo routes also apply the endpoint modes. */
export const OIDC_MISBEHAVIOURS_WITH_ENDPOINTS: readonly Misbehaviour[] = [
  ...OIDC_MISBEHAVIOURS,
  ...ENDPOINT_MISBEHAVIOURS,
];

/**
 * Digidentity's: an ID token is optional there, so `no_id_token` is a variant to accept; and the
 * portal sends it no nonce, so there is no nonce to get wrong (docs/providers/digidentity.md).
 */
export const OPTIONAL_ID_TOKEN_MISBEHAVIOURS: readonly Misbehaviour[] = [
  ...OIDC_MISBEHAVIOURS.filter((mode) => mode !== "wrong_nonce" && mode !== "missing_nonce"),
  ...ENDPOINT_MISBEHAVIOURS,
];

/**
 * What a provider that pushes a bare JWT (IDToken) can do wrong: the token's signature and
 * claims, or a token that answers another session. HS256 is keyed with what the client shares.
 */
export const JWT_MISBEHAVIOURS = (Object.keys(MISBEHAVIOURS) as Misbehaviour[]).filter(
  (mode) => !OIDC_ONLY.includes(mode) && !ENDPOINT_MISBEHAVIOURS.includes(mode),
);

export const misbehaviourSchema = z.enum(Object.keys(MISBEHAVIOURS) as [Misbehaviour, ...Misbehaviour[]]);

/**
 * The current mode of each client; a client not in the map behaves. `modes` are the ones this
 * provider can apply (with `none`); the control endpoint and the switch offer only those.
 */
export class MisbehaviourBook {
  private readonly current = new Map<string, Misbehaviour>();
  /**
   * The rotated key is published in the JWKS from the first time a client asks for
   * `rotated_key` on, and stays published, as after a real rotation.
   */
  keyRotated = false;
  /** Likewise the unusable keys of `unparseable_key`, once a client asked for them. */
  unusableKeysPublished = false;

  constructor(
    readonly clientIds: readonly string[],
    readonly modes: readonly Misbehaviour[] = OIDC_MISBEHAVIOURS,
  ) {}

  of(clientId: string | undefined): Misbehaviour {
    return (clientId && this.current.get(clientId)) || "none";
  }

  set(clientId: string, mode: Misbehaviour): void {
    if (mode === "rotated_key" || mode === "kid_absent_several") this.keyRotated = true;
    if (mode === "unparseable_key") this.unusableKeysPublished = true;
    if (mode === "none") this.current.delete(clientId);
    else this.current.set(clientId, mode);
  }

  anyClientIs(mode: Misbehaviour): boolean {
    return [...this.current.values()].includes(mode);
  }

  reset(): void {
    this.current.clear();
  }
}

const setSchema = z.strictObject({ client_id: z.string().min(1).max(200), mode: misbehaviourSchema });

/**
 * `GET /control/misbehaviour` lists each client's mode; `POST` sets one, as JSON (for tests) or
 * as a form (the switch on the sandbox home page, which then goes back there).
 */
export function misbehaviourRoutes(book: MisbehaviourBook): Hono {
  const app = new Hono();
  app.get("/control/misbehaviour", (c) =>
    c.json({
      modes: book.modes,
      clients: Object.fromEntries(book.clientIds.map((id) => [id, book.of(id)])),
    }),
  );
  app.post("/control/misbehaviour", async (c) => {
    const isForm = (c.req.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
    // Not the validators of ./validate.ts: a form or JSON of any content type, as the switch and tests send.
    const input = isForm ? await formParams(c) : await jsonBody(c);
    const parsed = setSchema.safeParse(input ?? {});
    if (!parsed.success || !book.modes.includes(parsed.data.mode)) {
      return sandboxError(
        c,
        400,
        "invalid_request",
        `expected {client_id, mode} with mode one of: ${book.modes.join(", ")}`,
      );
    }
    if (!book.clientIds.includes(parsed.data.client_id)) {
      return sandboxError(c, 404, "unknown_client", "no such client");
    }
    book.set(parsed.data.client_id, parsed.data.mode);
    // Back to this provider's switch: the full path starts with the provider's prefix.
    if (isForm) return c.redirect(`/#${switchAnchor(`/${c.req.path.split("/")[1] ?? ""}`)}`, 303);
    return c.json({ ok: true, client_id: parsed.data.client_id, mode: parsed.data.mode });
  });
  return app;
}

/** One anchor per provider, as every provider's section on the home page has a switch. */
function switchAnchor(prefix: string): string {
  return `misbehaviour-${prefix.replace(/^\//, "")}`;
}

/**
 * A mode's label in the page's language. A mode added without its messages still shows, in
 * English; tests/unit/sandbox-i18n-messages.test.ts fails until every mode has a label in each language.
 */
function modeLabel(mode: Misbehaviour): string {
  const key = `misbehaviour.modes.${mode}` as const;
  return hasMessage(key) ? t(key) : MISBEHAVIOURS[mode];
}

/** The switch on the sandbox home page: one form per client, no JavaScript needed. */
export function misbehaviourSwitch(prefix: string, book: MisbehaviourBook) {
  return html`<h3 id="${switchAnchor(prefix)}">${t("misbehaviour.heading")}</h3>
    <p class="muted">
      ${t("misbehaviour.intro")} ${t("misbehaviour.also")}
      <code>POST ${prefix}/control/misbehaviour</code> ${t("misbehaviour.withJson")}
      <code>{"client_id": "…", "mode": "…"}</code>.
    </p>
    ${book.clientIds.map(
      (id) =>
        html`<form method="post" action="${prefix}/control/misbehaviour" class="actions">
          <input type="hidden" name="client_id" value="${id}" />
          <label for="mode-${prefix}-${id}">${t("misbehaviour.client")} <code>${id}</code></label>
          <select id="mode-${prefix}-${id}" name="mode">
            ${book.modes.map(
              (mode) =>
                html`<option value="${mode}" ${book.of(id) === mode ? "selected" : ""}>
                  ${modeLabel(mode)}
                </option>`,
            )}
          </select>
          <button type="submit" class="secondary">${t("misbehaviour.apply")}</button>
        </form>`,
    )}`;
}

/** Where a forged `iss` claims to come from: plainly not the provider's issuer. */
export function forgedIssuer(provider: string): string {
  return `https://evil.example/${provider}`;
}

/**
 * The ID token claims as the client's mode bends them. `claims` are the correct ones; members
 * left undefined are dropped, so a "missing" mode really leaves the claim out.
 */
export function misbehavingClaims(
  mode: Misbehaviour,
  claims: JWTPayload & { iss: string; sub: string; aud: string; iat: number; exp: number },
  provider: string,
): JWTPayload {
  const bent: JWTPayload = {
    ...claims,
    iss: mode === "wrong_iss" ? forgedIssuer(provider) : claims.iss,
    sub: mode === "missing_sub" ? undefined : claims.sub,
    aud: mode === "wrong_aud" ? "another-client" : mode === "missing_aud" ? undefined : claims.aud,
    iat: mode === "missing_iat" ? undefined : mode === "expired" ? claims.iat - 7200 : claims.iat,
    exp: mode === "expired" ? claims.iat - 3600 : claims.exp,
    // Only a nonce that was sent can be got wrong (CIBA and headless logins send none).
    nonce:
      mode === "wrong_nonce" && claims.nonce !== undefined
        ? "not-the-nonce-you-sent"
        : mode === "missing_nonce"
          ? undefined
          : claims.nonce,
  };
  for (const key of Object.keys(bent)) if (bent[key] === undefined) delete bent[key];
  return bent;
}

/**
 * Signs (or does not sign) the claims as the client's mode asks, with the signing key's own
 * algorithm (RS256, or ES256 for IDToken); `rotatedKey` must use the same one.
 */
export async function signMisbehaving(
  mode: Misbehaviour,
  claims: JWTPayload,
  keys: { signingKey: SigningKey; rotatedKey: SigningKey; clientSecret: string | undefined },
): Promise<string> {
  const { signingKey, rotatedKey } = keys;
  const alg = signingKey.publicJwk.alg ?? SIGNING_ALG;
  switch (mode) {
    case "alg_none":
      return new UnsecuredJWT(claims).encode();
    case "hs256_client_secret":
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", kid: signingKey.kid, typ: "JWT" })
        .sign(new TextEncoder().encode(keys.clientSecret ?? ""));
    case "bad_signature":
      // Right kid, wrong key: the signature cannot verify against the published JWKS.
      return new SignJWT(claims)
        .setProtectedHeader({ alg, kid: signingKey.kid, typ: "JWT" })
        .sign(rotatedKey.privateKey);
    case "rotated_key":
      return new SignJWT(claims)
        .setProtectedHeader({ alg, kid: rotatedKey.kid, typ: "JWT" })
        .sign(rotatedKey.privateKey);
    case "kid_absent_single":
      return new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(signingKey.privateKey);
    case "kid_absent_several":
      // Not the first key of the set: a client that tries only one candidate fails.
      return new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(rotatedKey.privateKey);
    case "rotated_key_no_kid":
      return new SignJWT(claims)
        .setProtectedHeader({ alg, typ: "JWT" })
        .sign((await freshKey(signingKey)).privateKey);
    default:
      return new SignJWT(claims)
        .setProtectedHeader({ alg, kid: signingKey.kid, typ: "JWT" })
        .sign(signingKey.privateKey);
  }
}

/** How many of the brand-new keys of `rotated_key_no_kid` stay published, newest last. */
const FRESH_KEYS_KEPT = 3;
const freshKeys = new WeakMap<SigningKey, { privateKey: CryptoKey; publicJwk: JWK }[]>();

/**
 * `rotated_key_no_kid`: every token is signed with a key made for it, that no client can have
 * fetched before, with no `kid` to say it is new: the provider changed its key without telling.
 * It is published (without kid) from then on, beside the provider's own keys; the last few stay.
 */
async function freshKey(signingKey: SigningKey) {
  const alg = signingKey.publicJwk.alg ?? SIGNING_ALG;
  const pair = await generateKeyPair(alg, alg.startsWith("RS") ? { modulusLength: 2048 } : {});
  const { kty, n, e, crv, x, y } = await exportJWK(pair.publicKey);
  const publicJwk: JWK = { kty, n, e, crv, x, y, use: "sig", alg };
  for (const k of Object.keys(publicJwk) as (keyof JWK)[])
    if (publicJwk[k] === undefined) delete publicJwk[k];
  const fresh = { privateKey: pair.privateKey, publicJwk };
  freshKeys.set(signingKey, [...(freshKeys.get(signingKey) ?? []), fresh].slice(-FRESH_KEYS_KEPT));
  return fresh;
}

/**
 * `unparseable_key`: members of the JWKS no client can use, beside the real keys. The first two
 * are what the OpenID conformance suite publishes in oidcc-client-test-ignores-unparseable-key-
 * in-jwks (a post-quantum-shaped `AKP` key with a parameter set that does not exist, a made-up
 * key type); the third an RSA key whose modulus is not base64url. RFC 7517 §5: ignore them.
 */
export const UNUSABLE_JWKS_MEMBERS: readonly JWK[] = [
  { kty: "AKP", alg: "ML-DSA-00", kid: "sandbox-unusable-akp", use: "sig", pub: "AAAA" } as JWK,
  { kty: "sandbox-made-up", kid: "sandbox-unusable-kty", use: "sig" },
  { kty: "RSA", alg: "RS256", use: "sig", n: "***", e: "AQAB" },
];

/**
 * The signing keys to publish: the rotated one too once a client has asked for it (`rotated_key`,
 * `kid_absent_several`), the brand-new ones of `rotated_key_no_kid`, and the unusable members
 * of `unparseable_key`. Only ever more: the JWKS is every client's, so a mode can add keys but
 * never take away one another client's tokens are signed with.
 */
export function publishedKeys(book: MisbehaviourBook, signingKey: SigningKey, rotatedKey: SigningKey): JWK[] {
  return [
    signingKey.publicJwk,
    ...(book.keyRotated ? [rotatedKey.publicJwk] : []),
    ...(freshKeys.get(signingKey) ?? []).map((k) => k.publicJwk),
    ...(book.unusableKeysPublished ? UNUSABLE_JWKS_MEMBERS : []),
  ];
}

/** The token endpoint's answer when the client's mode is `token_server_error`: a bare 500. */
export function misbehavingTokenAnswer(mode: Misbehaviour, c: Context): Response | undefined {
  return mode === "token_server_error" ? c.text("Internal Server Error", 500) : undefined;
}

/** The token response as the client's mode bends it: `no_id_token` leaves the ID token out. */
export function misbehavingTokens<T extends { id_token?: string }>(mode: Misbehaviour, tokens: T): T {
  if (mode !== "no_id_token") return tokens;
  const rest = { ...tokens };
  delete rest.id_token;
  return rest;
}

/** The userinfo endpoint's answer when the client's mode is `userinfo_server_error`: a bare 500. */
export function misbehavingUserinfoAnswer(mode: Misbehaviour, c: Context): Response | undefined {
  return mode === "userinfo_server_error" ? c.text("Internal Server Error", 500) : undefined;
}

/**
 * The `state` and RFC 9207 `iss` an authorization response carries, as the client's mode bends
 * them (a forged or missing state, another issuer).
 */
export function misbehavingResponse(
  mode: Misbehaviour,
  sent: { state: string | undefined; issuer: string },
  provider: string,
): { state: string | undefined; iss: string } {
  return {
    state: mode === "wrong_state" ? "forged-state" : mode === "missing_state" ? undefined : sent.state,
    iss: mode === "wrong_response_iss" ? forgedIssuer(provider) : sent.issuer,
  };
}
