import "server-only";

import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";

import { auth } from "@/auth";
import { agentKey, isCallCentreAgent } from "@/lib/call-centre";
import { logRefusedLogin } from "@/lib/login-failure/classify";
import { providerNotEnabled, providerSettings } from "@/lib/providers/settings";
import { clientAddress, limitLoginStart, openCountedLogin } from "@/lib/rate-limit";
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

import { cibaCookie, cibaStep, type CibaState } from "./ciba";
import { IDURA_BANKID_ID, IDURA_ID } from "./descriptor";
import {
  emptyBodySchema,
  emptyQuerySchema,
  type CibaStatusResponse,
  type HeadlessStartResponse,
  type HeadlessStatusResponse,
} from "./device-schema";
import { beginHeadless, headlessCookie, headlessStep } from "./headless";

/**
 * `GET /api/idura/ciba/status`: the agent's page asks every second; `cibaStep` decides when Idura
 * is asked (./ciba.ts). With the shared store unavailable the poll is refused (503
 * `state_unavailable`) without asking Idura, and the page asks again.
 */
export async function cibaStatus(req: Request): Promise<Response> {
  const input = parseSearchParams(req, emptyQuerySchema);
  if (!input.ok) return input.response;
  const session = await auth();
  if (!session?.identity) return jsonError(401, "not_signed_in", await apiErrorText("notSignedIn"));

  const login = await openCountedLogin(req, "poll", cibaCookie);
  if (login.limited) return login.limited;
  const { jar, name, state } = login;
  if (!state) return jsonError(404, "no_request", await apiErrorText("noCibaRequest"));
  // Only the agent who asked hears the answer (another person may sign in on this browser).
  if (!isCallCentreAgent(session.identity) || state.agent !== agentKey(session.identity)) {
    jar.delete(name);
    return jsonError(404, "no_request", await apiErrorText("noCibaRequest"));
  }
  const pending = (s: CibaState): CibaStatusResponse => ({
    status: "pending",
    bindingMessage: s.bindingMessage,
    words: s.words,
    intervalSeconds: s.intervalSeconds,
    slowedDown: s.intervalSeconds > s.initialIntervalSeconds,
    expiresAt: s.expiresAt,
  });

  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    const step = await trackInFlight(() => cibaStep(idura, state));
    if (step.status === "pending") {
      if (step.polled)
        jar.set(
          name,
          await cibaCookie.seal(step.state),
          cibaCookie.options((state.expiresAt - Date.now()) / 1000 + 60),
        );
      return jsonOk(pending(step.state));
    }
    jar.delete(name);
    if (step.status === "refused") {
      // An answer, not an outage: the request is over (its cookie is gone) and nobody is confirmed.
      const ref = logRefusedLogin(step.reason, { provider: IDURA_ID, error: step.error });
      return jsonOk({ status: "refused", reason: step.reason, ref } satisfies CibaStatusResponse);
    }
    if (step.status !== "approved") return jsonOk({ status: step.status } satisfies CibaStatusResponse);
    const { customer } = step;
    return jsonOk({
      status: "approved",
      customer: { ...customer, eid: (await getTranslations("Eid"))(customer.eid) },
    } satisfies CibaStatusResponse);
  } catch (e) {
    const unavailable = await stateUnavailableResponse(e, "idura/ciba/status");
    if (unavailable) return unavailable;
    return providerFailureResponse(e, { event: "ciba_poll_failed", message: "iduraFailedKeepTrying" });
  }
}

/** `POST /api/idura/headless/start`: a headless BankID login; the request id stays in this browser's encrypted cookie. */
export async function headlessStart(req: Request): Promise<Response> {
  const input = await parseJsonBody(req, emptyBodySchema);
  if (!input.ok) return input.response;
  const limited = await limitLoginStart(req);
  if (limited) return limited;
  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    // BankID's end_user_ip: the browser's address as the portal sees it (TRUSTED_PROXY_HOPS).
    const { state, appLink } = await beginHeadless(idura, clientAddress(req.headers));
    const jar = await cookies();
    jar.set(
      headlessCookie.name(),
      await headlessCookie.seal(state),
      headlessCookie.options((state.expiresAt - Date.now()) / 1000 + 60),
    );
    return jsonOk({
      qrData: state.qrData ?? "",
      expiresAt: state.expiresAt,
      ...(appLink ? { appLink } : {}),
    } satisfies HeadlessStartResponse);
  } catch (e) {
    return providerFailureResponse(e, { event: "headless_start_failed", message: "iduraFailedRetry" });
  }
}

/**
 * `GET /api/idura/headless/status`: the page asks every second; `headlessStep` asks Idura at
 * Idura's pace and otherwise repeats its last answer (./headless.ts). On approval the ID token
 * goes into the cookie, for the `idura-bankid` sign-in to verify; the page sees only the QR data
 * and the hint.
 */
export async function headlessStatus(req: Request): Promise<Response> {
  const input = parseSearchParams(req, emptyQuerySchema);
  if (!input.ok) return input.response;
  const login = await openCountedLogin(req, "poll", headlessCookie);
  if (login.limited) return login.limited;
  const { jar, name, state } = login;
  if (!state) return jsonError(401, "no_login", await apiErrorText("noBankIdLogin"));
  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    const step = await trackInFlight(() => headlessStep(idura, state));
    switch (step.status) {
      case "cancelled":
      case "expired":
        jar.delete(name);
        return jsonOk({ status: step.status } satisfies HeadlessStatusResponse);
      case "refused": {
        // An answer, not an outage: the login is over (its cookie is gone) and nobody is signed in.
        jar.delete(name);
        const ref = logRefusedLogin(step.reason, { provider: IDURA_BANKID_ID, error: step.error });
        return jsonOk({ status: "refused", reason: step.reason, ref } satisfies HeadlessStatusResponse);
      }
      case "approved":
      case "pending": {
        if (step.next !== undefined) {
          const maxAge = (step.next.expiresAt - Date.now()) / 1000 + 60;
          jar.set(name, await headlessCookie.seal(step.next), headlessCookie.options(maxAge));
        }
        if (step.status === "approved")
          return jsonOk({ status: "approved" } satisfies HeadlessStatusResponse);
        return jsonOk({
          status: "pending",
          ...(step.qrData ? { qrData: step.qrData } : {}),
          ...(step.hintCode ? { hintCode: step.hintCode } : {}),
        } satisfies HeadlessStatusResponse);
      }
    }
  } catch (e) {
    const unavailable = await stateUnavailableResponse(e, "idura/headless/status");
    if (unavailable) return unavailable;
    return providerFailureResponse(e, { event: "headless_poll_failed", message: "iduraFailedKeepTrying" });
  }
}
