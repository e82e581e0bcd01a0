/**
 * Public keys registered on the sandbox's Signicat clients, which verify signed request objects
 * (eID Hub: "Public keys" on the OIDC client; docs/providers/signicat.md). The first is the public
 * half of the portal's sandbox-only signing key; SANDBOX_SIGNICAT_CLIENT_JWKS adds more.
 */
export const SANDBOX_PORTAL_REQUEST_KEY = {
  kty: "RSA",
  kid: "sandbox-portal-request-signing",
  alg: "RS256",
  use: "sig",
  n: "4K8t2NC60A8uAbOOTi3cc1YIHH6TV7kKQ5ONzCpxt0p8RcNoIUVREnEHw1rAa_m8PM7BXKvxW2sOu1R00UPW4_r_oz0ZEU5ETJ7aSjlaBtTKg4XT7q6v-jRzbD3pOOlfFsv9_aUfdG-p4HHGcPCz9tX1bUoLwc0q9wM4pNGa4zv4ISQlA-4SXkyh8Wmett47TGWzCEXP6XJ1PI0lhXn2Z3T9ag1eNdgegHGCFJ5ZUmV3VCYbun_m0lwmumD7PZJTdk_mGc6BpoxizQe2jGljh-mB6xFJBpxdmC0OeD98I67GMgrnDXAhrgt_h_7iO6ivs3BrMFrr4m9UzDnUhGXSIw",
  e: "AQAB",
} as const;
