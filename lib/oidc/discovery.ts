import "server-only";

import { z } from "zod";

import { ProviderError, providerFetch, readJson } from "@/lib/upstream/fetch";

const metadataSchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url().optional(),
  jwks_uri: z.url(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
});

export type ProviderMetadata = z.infer<typeof metadataSchema>;

/**
 * The discovery document names another issuer: its endpoints and keys cannot be trusted (a
 * mix-up). A ProviderError, so every caller that handles those handles this one; a login it
 * stops ends on its own page (`issuer_mismatch`, lib/login-failure/classify.ts).
 */
export class DiscoveryIssuerError extends ProviderError {
  constructor() {
    super("provider_error", "discovery issuer differs from the configured issuer");
    this.name = "DiscoveryIssuerError";
  }
}

const cache = new Map<string, { at: number; metadata: ProviderMetadata }>();
const CACHE_MS = 60 * 60 * 1000;

/**
 * OpenID Connect Discovery 1.0 §4. The `issuer` in the document must equal the configured one
 * exactly (§4.3): otherwise a compromised or misconfigured document could point us elsewhere.
 */
export async function discover(issuer: string): Promise<ProviderMetadata> {
  const hit = cache.get(issuer);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.metadata;

  const res = await providerFetch(`${issuer}/.well-known/openid-configuration`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new ProviderError("provider_error", `discovery answered ${res.status}`);
  const parsed = metadataSchema.safeParse(await readJson(res));
  if (!parsed.success) throw new ProviderError("provider_error", "discovery document is malformed");
  if (parsed.data.issuer !== issuer) throw new DiscoveryIssuerError();
  cache.set(issuer, { at: Date.now(), metadata: parsed.data });
  return parsed.data;
}
