import { cookies } from "next/headers";

import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseSearchParams } from "@/lib/route-handler";
import { limitStatusPoll } from "@/lib/rate-limit";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import { pollHeadless } from "@/lib/providers/idura/web";
import { headlessCookie } from "@/lib/providers/idura/bankid";

import { emptyQuerySchema, type HeadlessStatusResponse } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * One poll a second: ask Idura once, answer only the fresh QR data and the hint. On approval the
 * ID token goes into the cookie, for the `idura-bankid` sign-in to verify.
 */
export async function GET(req: Request) {
  const input = parseSearchParams(req, emptyQuerySchema);
  if (!input.ok) return input.response;
  const jar = await cookies();
  const name = headlessCookie.name();
  const sealed = jar.get(name)?.value;
  const limited = await limitStatusPoll(req, sealed);
  if (limited) return limited;
  const state = await headlessCookie.open(sealed);
  if (!state) return jsonError(401, "no_login", await apiErrorText("noBankIdLogin"));
  if (state.phase === "approved") return jsonOk({ status: "approved" } satisfies HeadlessStatusResponse);
  if (state.expiresAt <= Date.now()) {
    jar.delete(name);
    return jsonOk({ status: "expired" } satisfies HeadlessStatusResponse);
  }
  const idura = providerSettings("idura");
  if (!idura) return providerNotEnabled();
  try {
    const outcome = await pollHeadless(idura, state.headlessReqId);
    switch (outcome.status) {
      case "pending":
      case "slow_down":
        return jsonOk({
          status: "pending",
          ...(outcome.status === "pending" && outcome.qrData ? { qrData: outcome.qrData } : {}),
          ...(outcome.status === "pending" && outcome.hintCode ? { hintCode: outcome.hintCode } : {}),
        } satisfies HeadlessStatusResponse);
      case "approved":
        jar.set(
          name,
          await headlessCookie.seal({
            phase: "approved",
            idToken: outcome.idToken,
            expiresAt: Date.now() + 60_000,
          }),
          headlessCookie.options(60),
        );
        return jsonOk({ status: "approved" } satisfies HeadlessStatusResponse);
      case "denied":
        jar.delete(name);
        return jsonOk({ status: "cancelled" } satisfies HeadlessStatusResponse);
      case "expired":
        jar.delete(name);
        return jsonOk({ status: "expired" } satisfies HeadlessStatusResponse);
    }
  } catch (e) {
    if (e instanceof ProviderError) {
      log.warn({ event: "headless_poll_failed", reason: e.reason, detail: e.message }, "BankID poll failed");
      return jsonError(502, e.reason, await apiErrorText("iduraFailedKeepTrying"));
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { POST, PUT, PATCH, DELETE } = otherMethodsRefused("GET");
