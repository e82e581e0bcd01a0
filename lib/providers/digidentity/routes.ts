import "server-only";

import { cookies } from "next/headers";
import { z } from "zod";

import { auth } from "@/auth";
import { providerNotEnabled, providerSettings } from "@/lib/providers/settings";
import { limitLoginStart, openCountedLogin } from "@/lib/rate-limit";
import {
  apiErrorText,
  jsonError,
  jsonOk,
  parseJsonBody,
  parseSearchParams,
  providerFailureResponse,
} from "@/lib/route-handler";
import { stateUnavailableResponse } from "@/lib/state/refusals";
import { trackInFlight } from "@/lib/state/lifecycle";

import { pollPasswordlessLoginAtPace, SLOW_DOWN_STEP_MS, startPasswordlessLogin } from "./passwordless";
import { openQrLogin, qrLoginCookie } from "./qr-state";
import {
  startRequestSchema,
  statusRequestSchema,
  type QrStartResponse,
  type QrStatusResponse,
} from "./qr-schema";
import { fetchDocumentPhoto } from "./report";

/** `POST /api/digidentity-qr/start`: a passwordless login; the code stays in this browser's encrypted cookie. */
export async function startQrLogin(req: Request): Promise<Response> {
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
    return providerFailureResponse(e, {
      event: "qr_start_failed",
      message: { unreachable: "unreachableRetry", error: "unexpectedRetry" },
      provider: "Digidentity",
    });
  }
}

/**
 * `GET /api/digidentity-qr/status`: one poll of this browser's QR login. Decrypt the cookie, ask
 * Digidentity at the login's shared pace (./passwordless.ts), answer the state. A missing or
 * tampered cookie is refused before any call upstream; with the shared store unavailable the
 * poll is refused (503 `state_unavailable`) and the page asks again.
 */
export async function qrLoginStatus(req: Request): Promise<Response> {
  const input = parseSearchParams(req, statusRequestSchema);
  if (!input.ok) return input.response;

  const login = await openCountedLogin(req, "poll", { name: qrLoginCookie.name, open: openQrLogin });
  if (login.limited) return login.limited;
  const { jar, name, state } = login;
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
    const outcome = await trackInFlight(() => pollPasswordlessLoginAtPace(digidentity, state));
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
          // A repeat: Digidentity was asked moments ago; ask again when the pace allows it,
          // not a whole interval later (an approval in between would wait that long).
          ...(outcome.nextCallInMs !== undefined ? { nextPollInMs: outcome.nextCallInMs } : {}),
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
    const unavailable = await stateUnavailableResponse(e, "digidentity-qr/status");
    if (unavailable) return unavailable;
    return providerFailureResponse(e, {
      event: "qr_poll_failed",
      message: { unreachable: "unreachableKeepTrying", error: "unexpected" },
      provider: "Digidentity",
    });
  }
}

/**
 * The signed-in user's own document photo, fetched with the application token, which never
 * leaves the server. Whose photo is decided by the session, never by the request.
 */
export async function documentPhoto(req: Request): Promise<Response> {
  const input = parseSearchParams(req, z.strictObject({}));
  if (!input.ok) return input.response;
  const session = await auth();
  const identity = session?.identity;
  if (!identity) return jsonError(401, "not_signed_in", await apiErrorText("reportNotSignedIn"));
  if (identity.kind !== "sermi" || !identity.reportPseudonym) {
    return jsonError(404, "no_report", await apiErrorText("noReport"));
  }
  try {
    const digidentity = providerSettings("digidentity");
    if (!digidentity) return providerNotEnabled();
    if (!digidentity.report) return jsonError(404, "no_report", await apiErrorText("noReport"));
    const photo = await fetchDocumentPhoto(digidentity, digidentity.report, identity.reportPseudonym);
    if (!photo) return jsonError(404, "no_photo", await apiErrorText("noPhoto"));
    return new Response(photo.bytes, {
      headers: {
        "content-type": photo.type,
        "cache-control": "private, no-store",
        // An SVG opened directly must not run anything.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (e) {
    return providerFailureResponse(e, { event: "report_photo_failed", message: "reportProviderError" });
  }
}
