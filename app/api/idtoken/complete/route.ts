import { cookies } from "next/headers";

import { logRefusedLogin } from "@/lib/login-failure/classify";
import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseJsonBody } from "@/lib/route-handler";
import { ProviderError } from "@/lib/upstream/fetch";
import {
  IDTOKEN_ID,
  IdTokenJwtError,
  idTokenCookieName,
  idTokenCookieOptions,
  openIdTokenState,
  sealIdTokenState,
  verifyIdTokenJwt,
} from "@/lib/providers/idtoken/provider";

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
    return jsonError(401, "no_login", await apiErrorText("noIdTokenLogin"));
  }
  const idtoken = providerSettings("idtoken");
  if (!idtoken) return providerNotEnabled();
  try {
    await verifyIdTokenJwt(idtoken, input.data.jwt, state);
  } catch (e) {
    if (e instanceof IdTokenJwtError) {
      jar.delete(name);
      return jsonError(
        401,
        "jwt_invalid",
        await apiErrorText("idTokenJwtInvalid"),
        undefined,
        logRefusedLogin("id_token_invalid", { provider: IDTOKEN_ID, error: e }),
      );
    }
    if (e instanceof ProviderError) {
      return jsonError(502, e.reason, await apiErrorText("idTokenKeysFailed"));
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

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
