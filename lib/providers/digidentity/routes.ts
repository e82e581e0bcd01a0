import "server-only";

import { z } from "zod";

import { auth } from "@/auth";
import { providerNotEnabled, providerSettings } from "@/lib/providers/registry";
import { apiErrorText, jsonError, parseSearchParams } from "@/lib/route-handler";
import { ProviderError } from "@/lib/upstream/fetch";

import { fetchDocumentPhoto } from "./report";

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
    if (e instanceof ProviderError)
      return jsonError(502, e.reason, await apiErrorText("reportProviderError"));
    throw e;
  }
}
