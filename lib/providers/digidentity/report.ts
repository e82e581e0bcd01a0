import "server-only";

import * as oauth from "oauth4webapi";
import { z } from "zod";

import { log } from "@/lib/log";
import { oauthClient } from "@/lib/oidc/client";
import { getSharedState } from "@/lib/state";
import { ProviderError } from "@/lib/upstream/fetch";

import type { DigidentityConfig, DigidentityReportConfig } from "./descriptor";

/**
 * Digidentity's identity report (docs/providers/digidentity.md, "Identity report"): an
 * application token from the client credentials grant, requested once a day and reused, plus
 * the user's pseudonym from the access token. The endpoint, the token's scope, the pseudonym's
 * place and the report's shape are not public: the report is on only when configured.
 */

/** Renew a little before the provider's expiry, and at least once a day as Digidentity asks. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

type ApplicationToken = { value: string; renewAt: number };

async function requestApplicationToken(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
): Promise<ApplicationToken> {
  const digidentity = oauthClient(cfg);
  const as = await digidentity.metadata();
  const res = await oauth.clientCredentialsGrantRequest(
    as,
    digidentity.client,
    digidentity.auth,
    { scope: report.scope },
    digidentity.options,
  );
  let tokens: oauth.TokenEndpointResponse;
  try {
    tokens = await oauth.processClientCredentialsResponse(as, digidentity.client, res);
  } catch (cause) {
    throw new ProviderError("provider_error", `application token request answered ${res.status}`, { cause });
  }
  const lifetime = Math.min(MAX_AGE_MS, (tokens.expires_in ?? 86_400) * 1000);
  log.info({ event: "application_token_renewed" }, "Digidentity application token renewed");
  return { value: tokens.access_token, renewAt: Date.now() + Math.max(1000, lifetime - RENEW_BEFORE_MS) };
}

/** One application token per client and scope, whichever instance asks. */
const tokenKey = (cfg: DigidentityConfig, report: DigidentityReportConfig) =>
  `digidentity-apptoken:${cfg.issuer} ${cfg.clientId} ${report.scope}`;

/**
 * The application token, shared by every instance (sealed in the shared store): one instance
 * fetches it while the others wait for it (single flight), and it is reused until shortly
 * before it expires, at most a day. Without the shared store each instance keeps its own
 * (logged; docs/production.md, "When Redis fails").
 */
export async function getApplicationToken(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
): Promise<ApplicationToken> {
  return getSharedState().sharedValue(
    tokenKey(cfg, report),
    (t) => t.renewAt - Date.now(),
    () => requestApplicationToken(cfg, report),
  );
}

/**
 * The provider refused `stale`: drop it (only if no instance has replaced it meanwhile, so two
 * instances cannot keep revoking each other's fresh token) and get the current one.
 */
async function renewApplicationToken(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
  stale: ApplicationToken,
): Promise<ApplicationToken> {
  await getSharedState().dropSharedValue(tokenKey(cfg, report), stale);
  return getApplicationToken(cfg, report);
}

function reportUrl(report: DigidentityReportConfig, pseudonym: string): string {
  return report.url.replace("{pseudonym}", encodeURIComponent(pseudonym));
}

/** GET with the application token; one renewal and retry if the provider says it expired. */
async function withApplicationToken(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
  url: string,
  accept: string,
): Promise<Response> {
  const send = async (token: string) =>
    oauthClient(cfg).options[oauth.customFetch](url, {
      headers: { authorization: `Bearer ${token}`, accept },
    });
  const token = await getApplicationToken(cfg, report);
  let res = await send(token.value);
  if (res.status === 401) res = await send((await renewApplicationToken(cfg, report, token)).value);
  return res;
}

const reportSchema = z.object({
  data: z.object({
    type: z.literal("identity_verification_report"),
    attributes: z.object({
      created_at: z.string(),
      expires_at: z.string(),
      personal_details: z.object({
        given_names: z.string().max(200),
        surname: z.string().max(200),
        date_of_birth: z.string().max(40),
        nationality: z.string().max(10),
      }),
      document: z.object({
        type: z.string().max(60),
        number: z.string().max(60),
        issuing_country: z.string().max(10),
        expiry_date: z.string().max(40),
      }),
      checks: z
        .array(
          z.object({ name: z.string().max(100), result: z.string().max(40), score: z.number().optional() }),
        )
        .max(50),
    }),
  }),
});

export type IdentityReport = z.infer<typeof reportSchema>["data"]["attributes"];

/** The report, or null when Digidentity has none (never made, or past its 30 days). */
export async function fetchIdentityReport(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
  pseudonym: string,
): Promise<IdentityReport | null> {
  const res = await withApplicationToken(
    cfg,
    report,
    reportUrl(report, pseudonym),
    "application/vnd.api+json, application/json",
  );
  if (res.status === 404) return null;
  if (!res.ok) throw new ProviderError("provider_error", `identity report answered ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ProviderError("provider_error", "identity report is not JSON");
  }
  const parsed = reportSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("provider_error", "identity report is malformed");
  return parsed.data.data.attributes;
}

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/svg+xml"]);

/** The document photo as bytes and type; only image types are passed on to the browser. */
export async function fetchDocumentPhoto(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
  pseudonym: string,
) {
  const res = await withApplicationToken(
    cfg,
    report,
    `${reportUrl(report, pseudonym)}/document_photo`,
    "image/*",
  );
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!res.ok || !IMAGE_TYPES.has(type)) return null;
  const bytes = await res.arrayBuffer();
  return bytes.byteLength > 2_000_000 ? null : { bytes, type };
}
