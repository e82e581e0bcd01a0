import "server-only";

import { randomBytes } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";

import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { refuseIfTooManyStarts } from "@/lib/login-start";
import { loginErrorUrl } from "@/lib/login-failure/classify";
import { isSharedStateUnavailable } from "@/lib/state";
import { consumeOnce } from "@/lib/state/logins";
import { providerNotEnabled, providerSettings } from "@/lib/providers/settings";
import { jsonError } from "@/lib/route-handler";
import { loginSecret } from "@/lib/login-secrets";

import { SIGNICAT_ID, SIGNICAT_SECRETS } from "./descriptor";
import { signicatLoginLocation } from "./start-login";
import { HANDOVER_FIELDS, handoverSchema, requestExchangeCode } from "./transfer";

/**
 * The two route handlers of MitID Session Transfer (docs/providers/signicat.md):
 * - `POST /api/signicat/transfer/start` (SP-A): after the consent page, a code for the partner,
 *   handed over by an auto-submitted form post to the partner (no code in any URL);
 * - `POST /api/signicat/transfer/receive` (SP-B): a partner's hand-over, redeemed at once.
 * Neither logs the code or the text; a refused hand-over ends on its own error page.
 */

const MAX_FORM_BYTES = 4096;
/** A receiving portal remembers a code this long after it took it (one day: our choice). */
const RECEIVED_CODE_MEMORY_MS = 24 * 60 * 60_000;
/** Clock skew allowed for a hand-over's `issued_at` in the future. */
const FUTURE_SKEW_SECONDS = 30;

type FormResult = { ok: true; data: Record<string, string> } | { ok: false; response: Response };

async function readForm(req: Request): Promise<FormResult> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) {
    return {
      ok: false,
      response: jsonError(
        415,
        "unsupported_media_type",
        "Send the form as application/x-www-form-urlencoded.",
      ),
    };
  }
  if (new URL(req.url).search !== "") {
    return {
      ok: false,
      response: jsonError(400, "invalid_request", "This route takes no query parameters."),
    };
  }
  const text = await req.text();
  if (text.length > MAX_FORM_BYTES) {
    return {
      ok: false,
      response: jsonError(413, "body_too_large", `The body must be under ${MAX_FORM_BYTES} bytes.`),
    };
  }
  const data: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(data, key)) {
      return { ok: false, response: jsonError(400, "invalid_request", `The field ${key} is repeated.`) };
    }
    data[key] = value;
  }
  return { ok: true, data };
}

function seeOther(location: string): Response {
  const url = new URL(location, getConfig().authUrl);
  return new Response(null, {
    status: 303,
    headers: { location: url.toString(), "cache-control": "no-store" },
  });
}

/** SP-B: a partner's hand-over (a form post), redeemed with a Signicat login at once. */
export async function receiveHandover(req: Request): Promise<Response> {
  const settings = providerSettings("signicat");
  const transfer = settings?.transfer;
  if (!settings || !transfer || transfer.senders.length === 0) return providerNotEnabled();
  const form = await readForm(req);
  if (!form.ok) return form.response;
  const parsed = handoverSchema.safeParse(form.data);
  if (!parsed.success) {
    return jsonError(400, "invalid_request", "This is not a session transfer hand-over.");
  }
  const h = parsed.data;
  const sender = transfer.senders.find((s) => s.id === h[HANDOVER_FIELDS.sender]);
  if (!sender) return jsonError(403, "unknown_sender", "This portal takes no hand-overs from that service.");
  // A browser sends Origin "null" under the partner's Referrer-Policy no-referrer: then only
  // a real Origin can be checked.
  const origin = req.headers.get("origin");
  if (sender.origin && origin && origin !== "null" && new URL(sender.origin).origin !== origin) {
    return jsonError(403, "unknown_sender", "The hand-over did not come from that service's site.");
  }
  await refuseIfTooManyStarts(SIGNICAT_ID);

  // The seed warns that MitID's code lives long: redeem at once, and only a fresh hand-over.
  const age = Math.floor(Date.now() / 1000) - h[HANDOVER_FIELDS.issuedAt];
  if (age > transfer.maxAgeSeconds || age < -FUTURE_SKEW_SECONDS) {
    log.warn({ event: "session_transfer_late", sender: sender.id, ageSeconds: age }, "hand-over refused");
    return seeOther(loginErrorUrl("transfer_late", { provider: SIGNICAT_ID }));
  }
  const code = h[HANDOVER_FIELDS.code];
  let first: boolean;
  try {
    first = await consumeOnce("signicat-transfer", code, RECEIVED_CODE_MEMORY_MS);
  } catch (e) {
    if (!isSharedStateUnavailable(e)) throw e;
    return seeOther(loginErrorUrl("state_unavailable", { provider: SIGNICAT_ID }));
  }
  if (!first) {
    log.warn({ event: "session_transfer_replayed", sender: sender.id }, "hand-over refused");
    return seeOther(loginErrorUrl("transfer_code_used", { provider: SIGNICAT_ID }));
  }
  log.info(
    { event: "session_transfer_received", sender: sender.id, withText: h.transfer_token_text !== undefined },
    "hand-over received",
  );
  const location = await signicatLoginLocation(
    { flow: "mitid", transfer: { code, text: h[HANDOVER_FIELDS.text] } },
    { sender: sender.id, name: sender.name },
  );
  return seeOther(location);
}

const startSchema = z.object({ partner: z.string().min(1).max(63) });

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * SP-A: after the consent page. A code for this login and partner, handed over by a form post
 * that submits itself (a button if scripts are off): the code and text travel in a POST body,
 * never a URL, so no history, Referer or access log keeps them.
 */
export async function startTransfer(req: Request): Promise<Response> {
  const config = getConfig();
  const settings = providerSettings("signicat");
  const transfer = settings?.transfer;
  if (!settings || !transfer || transfer.partners.length === 0) return providerNotEnabled();
  // Only the portal's own consent page starts a transfer; the session cookie is SameSite=Lax
  // too. With Referrer-Policy no-referrer a form post's Origin is "null", so Sec-Fetch-Site
  // decides where the browser sends it, and a real Origin must be ours.
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  if (
    (site !== null && site !== "same-origin") ||
    (origin !== null && origin !== "null" && origin !== new URL(config.authUrl).origin)
  ) {
    return jsonError(403, "cross_site", "A transfer starts from this portal's own page.");
  }
  const form = await readForm(req);
  if (!form.ok) return form.response;
  const parsed = startSchema.safeParse(form.data);
  if (!parsed.success) return jsonError(400, "invalid_request", "Name the partner service.");
  const partner = transfer.partners.find((p) => p.id === parsed.data.partner);
  if (!partner) return jsonError(404, "unknown_partner", "There is no such partner service.");
  const handle = await loginSecret(SIGNICAT_SECRETS.transferHandle, req);
  if (!handle) return jsonError(409, "not_transferable", "This login cannot be handed over.");

  const text = partner.text ? randomBytes(18).toString("base64url") : undefined;
  let code: string;
  try {
    code = await requestExchangeCode(settings, transfer, handle, partner, text);
  } catch (error) {
    return seeOther(loginErrorUrl("transfer_unavailable", { provider: SIGNICAT_ID, error }));
  }
  log.info(
    { event: "session_transfer_handed_over", partner: partner.id, withText: text !== undefined },
    "hand-over sent",
  );

  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "SessionTransfer" });
  const nonce = req.headers.get("x-nonce") ?? "";
  const fields: [string, string][] = [
    [HANDOVER_FIELDS.code, code],
    ...(text !== undefined ? ([[HANDOVER_FIELDS.text, text]] as [string, string][]) : []),
    [HANDOVER_FIELDS.sender, transfer.senderId],
    [HANDOVER_FIELDS.issuedAt, String(Math.floor(Date.now() / 1000))],
  ];
  const body = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t("handingOver", { partner: partner.name }))}</title></head>
<body>
<main>
<h1>${escapeHtml(t("handingOver", { partner: partner.name }))}</h1>
<p>${escapeHtml(t("handingOverBody"))}</p>
<form id="handover" method="post" action="${escapeHtml(partner.handoverUrl)}">
${fields.map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join("\n")}
<button type="submit">${escapeHtml(t("continue", { partner: partner.name }))}</button>
</form>
</main>
<script nonce="${escapeHtml(nonce)}">document.getElementById("handover").submit();</script>
</body>
</html>`;
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
