import { cookies } from "next/headers";

import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseJsonBody } from "@/lib/route-handler";
import { log } from "@/lib/log";
import { limitLoginStart } from "@/lib/rate-limit";
import { ProviderError } from "@/lib/upstream/fetch";
import { startPasswordlessLogin } from "@/lib/providers/digidentity/passwordless";
import { qrLoginCookie } from "@/lib/providers/digidentity/qr-state";

import { startRequestSchema, type QrStartResponse } from "../schema";

export const dynamic = "force-dynamic";

/** Start a passwordless login: the code stays in this browser's encrypted cookie. */
export async function POST(req: Request) {
  const input = await parseJsonBody(req, startRequestSchema);
  if (!input.ok) return input.response;

  const limited = await limitLoginStart(req);
  if (limited) return limited;
  const jar = await cookies();

  const digidentity = providerSettings("digidentity");
  if (!digidentity) return providerNotEnabled();
  try {
    const { state, qrCodeUri, expiresAt } = await startPasswordlessLogin(digidentity);
    jar.set(
      qrLoginCookie.name(),
      await qrLoginCookie.seal(state),
      qrLoginCookie.options(digidentity.qrTtlSeconds + 60),
    );
    return jsonOk({
      qrCodeUri,
      expiresAt,
      pollIntervalMs: digidentity.pollIntervalMs,
    } satisfies QrStartResponse);
  } catch (e) {
    if (e instanceof ProviderError) {
      log.warn({ event: "qr_start_failed", reason: e.reason, detail: e.message }, "QR login start failed");
      return e.reason === "provider_unreachable"
        ? jsonError(
            502,
            "provider_unreachable",
            await apiErrorText("unreachableRetry", { provider: "Digidentity" }),
          )
        : jsonError(
            502,
            "provider_error",
            await apiErrorText("unexpectedRetry", { provider: "Digidentity" }),
          );
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
