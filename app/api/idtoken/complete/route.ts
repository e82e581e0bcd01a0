import { cookies } from "next/headers";

import { logRefusedLogin } from "@/lib/auth-failures";
import { getConfig } from "@/lib/config";
import { jsonError, jsonOk, parseJsonBody } from "@/lib/http";
import { ProviderError } from "@/lib/oidc/http";
import {
  IDTOKEN_ID,
  IdTokenJwtError,
  idTokenCookieName,
  idTokenCookieOptions,
  openIdTokenState,
  sealIdTokenState,
  verifyIdTokenJwt,
} from "@/lib/providers/idtoken";

import { completeRequestSchema, type IdTokenCompleteResponse } from "../schema";

export const dynamic = "force-dynamic";

/**
 * The page hands over the JWT from the WebSocket. It is verified here, against the session this
 * browser's cookie says it started, before it is kept for the sign-in; a forged or foreign JWT
 * ends this browser's login.
 */
export async function POST(req: Request) {
  const input = await parseJsonBody(req, completeRequestSchema);
  if (!input.ok) return input.response;

  const jar = await cookies();
  const name = idTokenCookieName();
  const state = await openIdTokenState(jar.get(name)?.value);
  if (!state || state.phase !== "pending") {
    return jsonError(401, "no_login", "No IDToken login is in progress in this browser. Start a new one.");
  }
  const { idtoken } = getConfig();
  try {
    await verifyIdTokenJwt(idtoken, input.data.jwt, state);
  } catch (e) {
    if (e instanceof IdTokenJwtError) {
      jar.delete(name);
      return jsonError(
        401,
        "jwt_invalid",
        "The approval could not be verified, so it was refused. Start again.",
        undefined,
        logRefusedLogin("id_token_invalid", { provider: IDTOKEN_ID, error: e }),
      );
    }
    if (e instanceof ProviderError) {
      return jsonError(502, e.reason, "IDToken's keys could not be fetched. Try again in a moment.");
    }
    throw e;
  }
  const approved = {
    phase: "approved" as const,
    sessionId: state.sessionId,
    tokenId: state.tokenId,
    jwt: input.data.jwt,
    expiresAt: Date.now() + 60_000,
  };
  jar.set(name, await sealIdTokenState(approved), idTokenCookieOptions(60));
  return jsonOk({ status: "approved" } satisfies IdTokenCompleteResponse);
}
