import { z } from "zod";

/*
 * The value shapes the sandbox's environment variables share: the common ones in
 * sandbox/config.ts and each provider's own in sandbox/<provider>/config.ts.
 */

/** RSA private JWK as jose accepts it; only the members RS256 signing needs are checked. */
export const rsaPrivateJwkSchema = z.looseObject({
  kty: z.literal("RSA"),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});

export type RsaPrivateJwk = z.infer<typeof rsaPrivateJwkSchema>;

export const httpUrl = z.url({ protocol: /^https?$/, error: "expected an absolute http(s) URL" });
export const baseUrl = httpUrl.transform((url) => url.replace(/\/+$/, ""));
export const seconds = z.coerce.number().int().min(1).max(86_400);

/** An allowlisted redirect_uri is compared character for character, so a fragment could never match. */
export const redirectUri = httpUrl.refine(
  (url) => !url.includes("#"),
  "a redirect_uri must not have a fragment",
);

/** A comma-separated list, its items trimmed and empty ones dropped. */
export const commaList = z.string().transform((list) =>
  list
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

export const redirectUriList = commaList.pipe(z.array(redirectUri));

/**
 * More clients as `id:secret,id:secret`. They share their provider's redirect allowlist (and,
 * at Digidentity, the product scope); a second client lets one portal misbehave on purpose while another logs in normally.
 */
export const clientList = commaList.transform((items, ctx) =>
  items.map((item) => {
    const [clientId, ...rest] = item.split(":");
    const clientSecret = rest.join(":");
    if (!clientId || !clientSecret) {
      ctx.addIssue({ code: "custom", message: "expected id:secret pairs separated by commas" });
      return z.NEVER;
    }
    return { clientId, clientSecret };
  }),
);

/**
 * Display names of clients, `id=Name,id=Name`: what the phone pages call the service that asks
 * ("Example Motors RMI portal asks you to log in"), as the real apps show the registered name.
 */
export const nameList = commaList.transform((items, ctx) =>
  Object.fromEntries(
    items.map((item) => {
      const [id, ...rest] = item.split("=");
      const name = rest.join("=").trim();
      if (!id?.trim() || !name) {
        ctx.addIssue({ code: "custom", message: "expected id=Name pairs separated by commas" });
        return ["", ""];
      }
      return [id.trim(), name];
    }),
  ),
);

export const signingKey = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "expected JSON (an RSA private JWK)" });
      return z.NEVER;
    }
  })
  .pipe(rsaPrivateJwkSchema);

/** Space- or comma-separated scope names, as IDToken's onboarding hands them out. */
export const scopeList = z
  .string()
  .transform((list) => list.split(/[\s,]+/).filter((item) => item.length > 0));

/** What every provider's slice may know about the sandbox as a whole when it builds its settings. */
export interface SliceContext {
  /** SANDBOX_PORTAL_URL: where the portal is; unset, the portal's default local addresses. */
  portalUrl: string | undefined;
}

/**
 * The redirect URIs a provider allows from the start: the portal's callback for `providerId` at
 * SANDBOX_PORTAL_URL (else at both local addresses of the default port), then the extra ones.
 */
export function portalCallbacks(ctx: SliceContext, providerId: string, extra: readonly string[]): string[] {
  const path = `/api/auth/callback/${providerId}`;
  const own = ctx.portalUrl
    ? [`${ctx.portalUrl}${path}`]
    : [`http://localhost:3000${path}`, `http://127.0.0.1:3000${path}`];
  return [...new Set([...own, ...extra])];
}
