import { cookies } from "next/headers";

import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseSearchParams } from "@/lib/route-handler";
import { log } from "@/lib/log";
import { limitStatusPoll } from "@/lib/rate-limit";
import { ProviderError } from "@/lib/upstream/fetch";
import { pollPasswordlessLoginAtPace, SLOW_DOWN_STEP_MS } from "@/lib/providers/digidentity/passwordless";
import { openQrLogin, qrLoginCookie } from "@/lib/providers/digidentity/qr-state";

import { statusRequestSchema, type QrStatusResponse } from "../schema";

export const dynamic = "force-dynamic";

/**
 * One poll of this browser's QR login: decrypt the cookie, ask Digidentity (at most once per
 * poll interval for this login), answer the state. A missing or tampered cookie is refused before any call upstream.
 */
export async function GET(req: Request) {
  const input = parseSearchParams(req, statusRequestSchema);
  if (!input.ok) return input.response;

  const jar = await cookies();
  const name = qrLoginCookie.name();
  const sealed = jar.get(name)?.value;
  // Counted before any decryption or upstream call, per address and per login in this browser.
  const limited = await limitStatusPoll(req, sealed);
  if (limited) return limited;
  const state = await openQrLogin(sealed);
  if (!state) {
    return jsonError(401, "no_login", await apiErrorText("noQrLogin"));
  }
  if (state.phase === "approved") return jsonOk({ status: "approved" } satisfies QrStatusResponse);
  if (state.expiresAt <= Date.now()) {
    jar.delete(name);
    return jsonOk({ status: "expired" } satisfies QrStatusResponse);
  }

  const digidentity = providerSettings("digidentity");
  if (!digidentity) return providerNotEnabled();
  try {
    const { answer: outcome, repeat } = await pollPasswordlessLoginAtPace(digidentity, state);
    switch (outcome.status) {
      case "pending": {
        let intervalMs = state.intervalMs;
        if (outcome.slowDown) {
          // Asked to slow down: this login keeps the longer pace, and the page backs off with us.
          intervalMs += SLOW_DOWN_STEP_MS;
          const slower = { ...state, intervalMs };
          jar.set(
            name,
            await qrLoginCookie.seal(slower),
            qrLoginCookie.options(slower.expiresAt / 1000 - Date.now() / 1000 + 60),
          );
        }
        return jsonOk({
          status: "pending",
          expiresAt: state.expiresAt,
          pollIntervalMs: intervalMs,
          // A repeat: Digidentity was asked moments ago; ask again when we will ask it again,
          // not a whole interval later (an approval in between would wait that long).
          ...(repeat ? { nextPollInMs: repeat.nextCallInMs } : {}),
        } satisfies QrStatusResponse);
      }
      case "approved":
        jar.set(name, await qrLoginCookie.seal(outcome.state), qrLoginCookie.options(60));
        return jsonOk({ status: "approved" } satisfies QrStatusResponse);
      case "refused":
        jar.delete(name);
        return jsonOk({ status: "refused", reason: outcome.reason } satisfies QrStatusResponse);
      default:
        jar.delete(name);
        return jsonOk({ status: outcome.status } satisfies QrStatusResponse);
    }
  } catch (e) {
    if (e instanceof ProviderError) {
      log.warn({ event: "qr_poll_failed", reason: e.reason, detail: e.message }, "QR login poll failed");
      return e.reason === "provider_unreachable"
        ? jsonError(
            502,
            "provider_unreachable",
            await apiErrorText("unreachableKeepTrying", { provider: "Digidentity" }),
          )
        : jsonError(502, "provider_error", await apiErrorText("unexpected", { provider: "Digidentity" }));
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
