import { cookies } from "next/headers";

import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseJsonBody } from "@/lib/route-handler";
import { limitLoginStart } from "@/lib/rate-limit";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import {
  idTokenCookieName,
  idTokenCookieOptions,
  initiateIdTokenLogin,
  REMEMBER_MAX_AGE_SECONDS,
  REMEMBERED_TOKEN_COOKIE,
  sealIdTokenState,
  UnknownTokenError,
} from "@/lib/providers/idtoken/provider";

import { startRequestSchema, type IdTokenStartResponse } from "../schema";

export const dynamic = "force-dynamic";

/** Ask the operator for a session; the session id and token id stay in this browser's cookie. */
export async function POST(req: Request) {
  const input = await parseJsonBody(req, startRequestSchema);
  if (!input.ok) return input.response;
  const limited = await limitLoginStart(req);
  if (limited) return limited;

  const idtoken = providerSettings("idtoken");
  if (!idtoken) return providerNotEnabled();
  const jar = await cookies();
  try {
    const { state, autoPassword, socketUrl, expiresAt } = await initiateIdTokenLogin(
      idtoken,
      input.data.tokenId,
    );
    const ttl = Math.max(1, Math.ceil((expiresAt - Date.now()) / 1000)) + 60;
    jar.set(idTokenCookieName(), await sealIdTokenState(state), idTokenCookieOptions(ttl));
    if (input.data.remember) {
      jar.set(REMEMBERED_TOKEN_COOKIE, input.data.tokenId, idTokenCookieOptions(REMEMBER_MAX_AGE_SECONDS));
    } else {
      jar.delete(REMEMBERED_TOKEN_COOKIE);
    }
    return jsonOk({ autoPassword, socketUrl, expiresAt } satisfies IdTokenStartResponse);
  } catch (e) {
    if (e instanceof UnknownTokenError) {
      return jsonError(404, "unknown_token", await apiErrorText("unknownToken"));
    }
    if (e instanceof ProviderError) {
      log.warn(
        { event: "idtoken_start_failed", reason: e.reason, detail: e.message },
        "IDToken start failed",
      );
      return e.reason === "provider_unreachable"
        ? jsonError(
            502,
            "provider_unreachable",
            await apiErrorText("unreachableRetry", { provider: "IDToken" }),
          )
        : jsonError(502, "provider_error", await apiErrorText("unexpectedRetry", { provider: "IDToken" }));
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
