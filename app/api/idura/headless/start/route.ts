import { cookies } from "next/headers";

import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, jsonOk, otherMethodsRefused, parseJsonBody } from "@/lib/route-handler";
import { clientAddress, limitLoginStart } from "@/lib/rate-limit";
import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";
import { beginHeadless, headlessCookie } from "@/lib/providers/idura/headless";

import { emptyBodySchema, type HeadlessStartResponse } from "../../schema";

export const dynamic = "force-dynamic";

/** Start a headless BankID login: the request id stays in this browser's encrypted cookie. */
export async function POST(req: Request) {
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
    if (e instanceof ProviderError) {
      log.warn(
        { event: "headless_start_failed", reason: e.reason, detail: e.message },
        "BankID start failed",
      );
      return jsonError(502, e.reason, await apiErrorText("iduraFailedRetry"));
    }
    throw e;
  }
}

/** Every other method gets a 405 in the portal's JSON error shape. */
export const { GET, PUT, PATCH, DELETE } = otherMethodsRefused("POST");
