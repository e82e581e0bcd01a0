import "server-only";

import * as oauth from "oauth4webapi";
import { z } from "zod";

import { log } from "@/lib/log";
import { ProviderError } from "@/lib/upstream/fetch";

import type { DigidentityConfig, DigidentityReportConfig } from "./descriptor";
import { authorizationServer, client, clientAuth, requestOptions } from "./upstream";

/**
 * Digidentity's identity report (docs/providers/digidentity.md, "Identity report"): an
 * application token from the client credentials grant, requested once a day and reused, plus
 * the user's pseudonym from the access token. The endpoint, the token's scope, the pseudonym's
 * place and the report's shape are not public: the report is on only when configured.
 */

/** Renew a little before the provider's expiry, and at least once a day as Digidentity asks. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

let applicationToken: { value: string; renewAt: number } | undefined;
let pending: Promise<string> | undefined;

async function requestApplicationToken(cfg: DigidentityConfig, report: DigidentityReportConfig) {
  const as = await authorizationServer(cfg);
  const res = await oauth.clientCredentialsGrantRequest(
    as,
    client(cfg),
    clientAuth(cfg),
    { scope: report.scope },
    requestOptions(cfg),
  );
  let tokens: oauth.TokenEndpointResponse;
  try {
    tokens = await oauth.processClientCredentialsResponse(as, client(cfg), res);
  } catch (cause) {
    throw new ProviderError("provider_error", `application token request answered ${res.status}`, { cause });
  }
  const lifetime = Math.min(MAX_AGE_MS, (tokens.expires_in ?? 86_400) * 1000);
  applicationToken = { value: tokens.access_token, renewAt: Date.now() + lifetime - RENEW_BEFORE_MS };
  log.info({ event: "application_token_renewed" }, "Digidentity application token renewed");
  return tokens.access_token;
}

/** The cached application token; concurrent callers share one request for a new one. */
export async function getApplicationToken(
  cfg: DigidentityConfig,
  report: DigidentityReportConfig,
  { renew = false } = {},
): Promise<string> {
  if (!renew && applicationToken && Date.now() < applicationToken.renewAt) return applicationToken.value;
  pending ??= requestApplicationToken(cfg, report).finally(() => {
    pending = undefined;
  });
  return pending;
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
    requestOptions(cfg)[oauth.customFetch](url, { headers: { authorization: `Bearer ${token}`, accept } });
  let res = await send(await getApplicationToken(cfg, report));
  if (res.status === 401) res = await send(await getApplicationToken(cfg, report, { renew: true }));
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
