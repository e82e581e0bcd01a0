/**
 * MitID Session Transfer settings (docs/configuration.md, docs/providers/signicat.md "MitID
 * Session Transfer"). No `server-only`: the descriptor, the config parser and unit tests load it.
 *
 * Off with SANDBOX=off unless partners to send to (`SIGNICAT_TRANSFER_PARTNERS`) or to receive
 * from (`SIGNICAT_TRANSFER_SENDERS`) are configured; against the sandbox both default to its
 * partner service, so the round trip works with nothing set.
 */
import { z } from "zod";

import { httpUrl, optionalString, providerUrl, type SliceContext } from "../descriptor";

/** The sandbox's broker id and its partner service (sandbox/signicat/session-transfer.ts says the same). */
export const SANDBOX_TRANSFER_DEFAULTS = {
  brokerId: "5c1d7e2a-9b64-4f0e-8a31-2d7c6b9e4f10",
  partnerClientId: "sandbox-partner-nordic-parts",
  /** serviceProviderId("sandbox-partner-nordic-parts") in the sandbox; a unit test checks they agree. */
  partnerServiceProvider: "21acdf7c-36fb-441c-a9fe-242d53579ad6",
  partnerName: "Nordic Parts (sandbox partner)",
  apiPath: "/signicat/api/mitid/session-transfer/exchange-codes",
} as const;

/** The scope of the access token for the Session Transfer API (ENT-MITID: confirmed). */
export const CTA_SCOPE = "client.mitid.cta";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a short id: a-z, 0-9 and -");
const displayName = z.string().trim().min(1).max(100);

const partnerSchema = z.strictObject({
  id: slug,
  name: displayName,
  /** Where the partner takes hand-overs (a form post); its origin joins the CSP's form-action. */
  handoverUrl: httpUrl,
  /** The receiving broker's and service provider's MitID ids, as the partner gives them. */
  broker: z.uuid(),
  serviceProvider: z.uuid(),
  /** Send a Transfer Token Text with the code (a fresh random one per transfer); default yes. */
  text: z.boolean().default(true),
  /**
   * Origins the partner's hand-over URL redirects the browser to (its broker's login). Chromium
   * applies the CSP's form-action to the redirects after a form post, so they join it too.
   */
  redirectOrigins: z.array(httpUrl).max(5).default([]),
});

const senderSchema = z.strictObject({
  /** The `sender` field of its hand-overs. */
  id: z.string().min(1).max(200),
  name: displayName,
  /** If given, a hand-over whose Origin header differs is refused. */
  origin: httpUrl.optional(),
});

const jsonList = <T extends z.ZodType>(item: T) =>
  optionalString.transform((value, ctx): z.infer<T>[] | undefined => {
    if (value === undefined || value.trim() === "") return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array" });
      return z.NEVER;
    }
    const result = z.array(item).max(20).safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      ctx.addIssue({ code: "custom", message: `${issue?.path.join(".") || "value"}: ${issue?.message}` });
      return z.NEVER;
    }
    return result.data;
  });

export const transferEnvSchema = z.object({
  SIGNICAT_TRANSFER_PARTNERS: jsonList(partnerSchema),
  SIGNICAT_TRANSFER_SENDERS: jsonList(senderSchema),
  SIGNICAT_TRANSFER_API_URL: httpUrl.optional(),
  SIGNICAT_TRANSFER_TOKEN_URL: httpUrl.optional(),
  SIGNICAT_TRANSFER_CLIENT_ID: optionalString,
  SIGNICAT_TRANSFER_CLIENT_SECRET: optionalString,
  SIGNICAT_TRANSFER_SENDER_ID: optionalString,
  SIGNICAT_TRANSFER_MAX_AGE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
});

export type TransferPartner = z.infer<typeof partnerSchema>;
export type TransferSender = z.infer<typeof senderSchema>;

export type SessionTransferConfig = {
  /** Partners the portal hands logins over to (SP-A). */
  partners: TransferPartner[];
  /** Partners the portal takes hand-overs from (SP-B). */
  senders: TransferSender[];
  /** The Session Transfer API's exchange-code endpoint. */
  apiUrl: string;
  /** Token endpoint for the client-credentials token; undefined: the issuer's, from discovery. */
  tokenUrl: string | undefined;
  clientId: string;
  clientSecret: string;
  /** How the portal names itself in its hand-overs (`sender`). */
  senderId: string;
  /** A hand-over older than this is refused as late (seconds). */
  maxAgeSeconds: number;
};

export function buildTransfer(
  e: z.infer<typeof transferEnvSchema>,
  ctx: SliceContext,
  client: { clientId: string; clientSecret: string },
): SessionTransferConfig | undefined {
  const d = SANDBOX_TRANSFER_DEFAULTS;
  const sandboxPartner: TransferPartner = {
    id: "nordic-parts",
    name: d.partnerName,
    handoverUrl: `${ctx.sandboxPublicUrl}/signicat/partner/handover`,
    broker: d.brokerId,
    serviceProvider: d.partnerServiceProvider,
    text: true,
    redirectOrigins: [],
  };
  const partners = e.SIGNICAT_TRANSFER_PARTNERS ?? (ctx.sandbox ? [sandboxPartner] : []);
  const senders =
    e.SIGNICAT_TRANSFER_SENDERS ??
    (ctx.sandbox
      ? [{ id: d.partnerClientId, name: d.partnerName, origin: new URL(ctx.sandboxPublicUrl).origin }]
      : []);
  if (partners.length === 0 && senders.length === 0) return undefined;
  if (new Set(partners.map((p) => p.id)).size !== partners.length) {
    ctx.problems.push("SIGNICAT_TRANSFER_PARTNERS: each partner needs its own id");
  }
  const apiUrl =
    partners.length === 0
      ? ""
      : providerUrl(ctx, "SIGNICAT_TRANSFER_API_URL", e.SIGNICAT_TRANSFER_API_URL, d.apiPath);
  return {
    partners,
    senders,
    apiUrl,
    tokenUrl: e.SIGNICAT_TRANSFER_TOKEN_URL,
    clientId: e.SIGNICAT_TRANSFER_CLIENT_ID ?? client.clientId,
    clientSecret: e.SIGNICAT_TRANSFER_CLIENT_SECRET ?? client.clientSecret,
    senderId: e.SIGNICAT_TRANSFER_SENDER_ID ?? client.clientId,
    maxAgeSeconds: e.SIGNICAT_TRANSFER_MAX_AGE_SECONDS,
  };
}
