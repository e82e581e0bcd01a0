import "server-only";

import { z } from "zod";

import type { DigidentityConfig } from "./descriptor";
import { log } from "@/lib/log";
import { discover } from "@/lib/oidc/discovery";
import { postFormWithClientSecret, ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";

/**
 * Digidentity's identity verification report (seed 000, "Passwordless login with identity
 * verification report"): an application token from the client credentials grant, requested once
 * a day and reused, plus the user's pseudonym from the access token. The report endpoint and its
 * shape are unconfirmed; see the README for the choices and how to configure them.
 */

type Digidentity = DigidentityConfig;

/** Renew a little before the provider's expiry, and at least once a day as Digidentity asks. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

let applicationToken: { value: string; renewAt: number } | undefined;
let pending: Promise<string> | undefined;

const applicationTokenSchema = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.coerce.number().positive().optional(),
});

async function requestApplicationToken(cfg: Digidentity): Promise<string> {
  const metadata = await discover(cfg.issuer);
  const { res, body } = await postFormWithClientSecret(cfg, metadata.token_endpoint, {
    grant_type: "client_credentials",
    scope: cfg.reportScope,
  });
  const parsed = applicationTokenSchema.safeParse(body);
  if (!res.ok || !parsed.success) {
    throw new ProviderError("provider_error", `application token request answered ${res.status}`);
  }
  const lifetime = Math.min(MAX_AGE_MS, (parsed.data.expires_in ?? 86_400) * 1000);
  applicationToken = { value: parsed.data.access_token, renewAt: Date.now() + lifetime - RENEW_BEFORE_MS };
  log.info({ event: "application_token_renewed" }, "Digidentity application token renewed");
  return parsed.data.access_token;
}

/** The cached application token; concurrent callers share one request for a new one. */
export async function getApplicationToken(cfg: Digidentity, { renew = false } = {}): Promise<string> {
  if (!renew && applicationToken && Date.now() < applicationToken.renewAt) return applicationToken.value;
  pending ??= requestApplicationToken(cfg).finally(() => {
    pending = undefined;
  });
  return pending;
}

function reportUrl(cfg: Digidentity, pseudonym: string): string {
  return cfg.reportUrl.replace("{pseudonym}", encodeURIComponent(pseudonym));
}

/** GET with the application token; one renewal and retry if the provider says it expired. */
async function withApplicationToken(cfg: Digidentity, url: string, accept: string): Promise<Response> {
  const send = async (token: string) =>
    providerFetch(url, { headers: { authorization: `Bearer ${token}`, accept } });
  let res = await send(await getApplicationToken(cfg));
  if (res.status === 401) res = await send(await getApplicationToken(cfg, { renew: true }));
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
  cfg: Digidentity,
  pseudonym: string,
): Promise<IdentityReport | null> {
  const res = await withApplicationToken(
    cfg,
    reportUrl(cfg, pseudonym),
    "application/vnd.api+json, application/json",
  );
  if (res.status === 404) return null;
  if (!res.ok) throw new ProviderError("provider_error", `identity report answered ${res.status}`);
  const parsed = reportSchema.safeParse(await readJson(res));
  if (!parsed.success) throw new ProviderError("provider_error", "identity report is malformed");
  return parsed.data.data.attributes;
}

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/svg+xml"]);

/** The document photo as bytes and type; only image types are passed on to the browser. */
export async function fetchDocumentPhoto(cfg: Digidentity, pseudonym: string) {
  const res = await withApplicationToken(cfg, `${reportUrl(cfg, pseudonym)}/document_photo`, "image/*");
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!res.ok || !IMAGE_TYPES.has(type)) return null;
  const bytes = await res.arrayBuffer();
  return bytes.byteLength > 2_000_000 ? null : { bytes, type };
}
