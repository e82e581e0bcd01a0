import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { serviceName } from "../shared/client-names";
import { t } from "../shared/i18n";
import { sendPage } from "../shared/layout";
import { randomId } from "../shared/random";
import { bankIdConfirmPage, bankIdScanPage, iduraMessagePage } from "./pages";
import { findIduraPersona, personasFor } from "./personas";
import { PREFIX, type HeadlessRequest, type IduraState } from "./state";
import { pageForm } from "../shared/validate";

const scanFormSchema = z.object({ qr: z.string().max(300) });
/** BankID's app link: `?autostarttoken=<uuid>&redirect=<url or null>`; the sandbox's app stays on its page. */
const autoStartSchema = z.object({
  autostarttoken: z.uuid(),
  redirect: z.string().max(2000).optional(),
});
const confirmFormSchema = z.object({
  scan: z.string().min(1).max(100),
  action: z.string().max(20).optional(),
  persona: z.string().max(100).optional(),
});

/** The BankID app on the phone, reduced to pages: scan (paste) a code, then identify or cancel. */
export function bankIdAppRoutes(state: IduraState): Hono {
  const app = new Hono();
  const scanUrl = `${PREFIX}/app/bankid`;
  const unknown = (c: Context) => sendPage(c, bankIdScanPage(scanUrl, t("idura.bankid.unknown")), 400);
  const ended = (c: Context) =>
    sendPage(c, iduraMessagePage(t("idura.ended.heading"), t("idura.ended.message")), 410);

  /** The app has the order (scanned or started by its link): it asks who identifies. */
  const confirm = (c: Context, found: { id: string; request: HeadlessRequest }) => {
    found.request.status = "scanned";
    const scanId = randomId(16);
    state.scans.set(scanId, found.id, found.request.expiresAt - state.now());
    return sendPage(
      c,
      bankIdConfirmPage({
        action: `${scanUrl}/confirm`,
        scanId,
        service: serviceName(state.settings.clientNames, found.request.clientId),
        personas: personasFor("se-bankid"),
      }),
    );
  };

  app.get("/app/bankid", (c) => {
    if (c.req.query("autostarttoken") === undefined) return sendPage(c, bankIdScanPage(scanUrl));
    // Opened by "Open BankID on this device": the token names the order, no code to scan.
    const started = autoStartSchema.safeParse(c.req.query());
    const found = started.success ? state.headlessByAutoStart(started.data.autostarttoken) : undefined;
    if (!found) return sendPage(c, bankIdScanPage(scanUrl, t("idura.bankid.unknownStart")), 400);
    return confirm(c, found);
  });
  app.post("/app/bankid", pageForm(scanFormSchema, unknown), (c) => {
    const checked = state.checkScan(c.req.valid("form").qr);
    if (!checked.ok) {
      if (checked.why === "unknown") return unknown(c);
      return sendPage(c, bankIdScanPage(scanUrl, t("idura.bankid.stale")), 400);
    }
    return confirm(c, checked);
  });

  app.post("/app/bankid/confirm", pageForm(confirmFormSchema, ended), (c) => {
    const form = c.req.valid("form");
    const id = state.scans.take(form.scan);
    const request = id ? state.backchannel.get(id) : undefined;
    if (request?.kind !== "headless" || request.status !== "scanned") return ended(c);
    if (form.action !== "identify") {
      request.status = "denied";
      return sendPage(c, iduraMessagePage(t("idura.cancelled.heading"), t("idura.cancelled.message")));
    }
    const persona = findIduraPersona(form.persona);
    if (!persona || persona.eid !== "se-bankid")
      return sendPage(
        c,
        iduraMessagePage(t("idura.cannotIdentify.heading"), t("idura.cannotIdentify.message")),
        400,
      );
    request.status = "approved";
    request.persona = persona;
    return sendPage(c, iduraMessagePage(t("idura.identified.heading"), t("idura.identified.message"), "ok"));
  });

  return app;
}
