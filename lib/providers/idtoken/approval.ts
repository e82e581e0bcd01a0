import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

import { errors as joseErrors } from "jose";

import { log } from "@/lib/log";
import { providerKeys } from "@/lib/oidc/jwks";

import type { IdtConfig } from "./descriptor";
import { idtIdentityFromPayload, IdtSubjectMismatchError, type IdtIdentity } from "./identity";

/** What the page relays from the operator's `approved` message (docs/providers/idtoken.md). */
export type IdtApproval = { jwt: string; hash?: string; random?: string };

/** What this browser's sealed cookie says it started. */
export type IdtExpected = { sessionId: string; tokenId: string; random?: string };

/** The approval failed a check: signature, algorithm, issuer, audience, time, subject, session. */
export class IdtApprovalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IdtApprovalError";
  }
}

export type VerifiedIdtApproval = {
  identity: IdtIdentity;
  /** For the single-use store: how long the JWT is worth refusing again. */
  ttlSeconds: number;
};

const CLOCK_TOLERANCE_SECONDS = 30;

function equalSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The configured HMAC of the approval (hex or base64url), for the unconfirmed `hash` check. */
function expectedHashes(
  hmac: NonNullable<IdtConfig["approvalHmac"]>,
  values: { sessionId: string; random: string; jwt: string; tokenId: string },
): string[] {
  const input = hmac.input.replace(
    /\{(sessionId|random|jwt|tokenId)\}/g,
    (_, name: keyof typeof values) => values[name],
  );
  const mac = createHmac("sha256", hmac.key).update(input).digest();
  return [mac.toString("hex"), mac.toString("base64url")];
}

/**
 * Verify an IDToken approval for the login this browser started: the JWT is ES256 only (never
 * none or HS256), with `iss`, `aud`, `exp`, `iat`, and `sub` = the token id typed here. Then
 * the anti-forgery checks the deployment has (docs/providers/idtoken.md): the session claim when
 * `IDTOKEN_SESSION_CLAIM` is set, the initiation's `random`, and the `hash` when a key is set.
 */
export async function verifyIdtApproval(
  cfg: IdtConfig,
  approval: IdtApproval,
  expected: IdtExpected,
  /** At sign-in: `random` and `hash` were checked when the approval arrived (./routes.ts). */
  options: { proofChecked?: boolean } = {},
): Promise<VerifiedIdtApproval> {
  let payload;
  try {
    // The operator's keys (docs/providers/idtoken.md) in the portal's one JWKS cache, which
    // refetches them for an unknown kid at most once per cool-down on every instance together.
    ({ payload } = await providerKeys(`${cfg.operatorUrl}/.well-known/jwks.json`).verify(approval.jwt, {
      issuer: cfg.issuer,
      audience: cfg.audience,
      algorithms: ["ES256"],
      requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (cause) {
    const code = cause instanceof joseErrors.JOSEError ? cause.code : "unknown";
    throw new IdtApprovalError(`JWT refused (${code})`, { cause });
  }
  if (payload.sub !== expected.tokenId)
    throw new IdtApprovalError("sub is not the token id this browser started with");
  if (cfg.sessionClaim !== undefined && payload[cfg.sessionClaim] !== expected.sessionId)
    throw new IdtApprovalError("the JWT answers another session than the one this browser started");

  const randomCheck =
    options.proofChecked !== true &&
    (cfg.approvalRandom === "required" || (cfg.approvalRandom === "auto" && expected.random !== undefined));
  if (randomCheck) {
    if (expected.random === undefined || approval.random === undefined)
      throw new IdtApprovalError("no random to compare with the initiation's");
    if (!equalSecret(approval.random, expected.random))
      throw new IdtApprovalError("the approval's random is not this session's");
  }
  if (cfg.approvalHmac && options.proofChecked !== true) {
    if (approval.hash === undefined || approval.random === undefined)
      throw new IdtApprovalError("the approval carries no hash to check");
    const { hash } = approval;
    const candidates = expectedHashes(cfg.approvalHmac, {
      sessionId: expected.sessionId,
      random: approval.random,
      jwt: approval.jwt,
      tokenId: expected.tokenId,
    });
    if (!candidates.some((c) => equalSecret(hash, c)))
      throw new IdtApprovalError("the approval's hash does not verify");
  }

  let result;
  try {
    result = idtIdentityFromPayload({ ...payload, sub: expected.tokenId });
  } catch (e) {
    if (e instanceof IdtSubjectMismatchError) throw new IdtApprovalError(e.message);
    throw e;
  }
  if (result.skipped.length > 0) {
    // The claim names only: their values are personal data.
    log.warn(
      { event: "idtoken_claims_skipped", claims: result.skipped },
      "IDToken claims of another shape left out",
    );
  }
  const exp = typeof payload.exp === "number" ? payload.exp : 0;
  return {
    identity: result.identity,
    ttlSeconds: Math.max(1, exp - Math.floor(Date.now() / 1000) + CLOCK_TOLERANCE_SECONDS),
  };
}
