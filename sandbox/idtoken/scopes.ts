/**
 * IDToken's scopes (seed 002, "Claims & Scopes"): each atomic scope releases some claims under
 * the JWT's `idtoken` object; composites stand for several atomic scopes and are expanded
 * before anything is checked, shown or granted.
 */
export const ATOMIC_SCOPES = {
  "identity:name": { label: "Your name", claims: ["givenName", "familyName"] },
  "identity:date_of_birth": { label: "Your date of birth", claims: ["dateOfBirth"] },
  "identity:nationality": { label: "Your nationality", claims: ["nationality"] },
  "identity:age_over_18": { label: "Whether you are over 18", claims: ["age_over_18"] },
  "identity:document": { label: "Your identity document", claims: ["document"] },
  "identity:trust_level": { label: "How well your identity was verified", claims: ["trust_level"] },
} as const;

export type AtomicScope = keyof typeof ATOMIC_SCOPES;

export const COMPOSITE_SCOPES: Record<string, AtomicScope[]> = {
  "identity:basic": ["identity:name", "identity:trust_level"],
  "identity:full": [
    "identity:name",
    "identity:date_of_birth",
    "identity:nationality",
    "identity:document",
    "identity:trust_level",
  ],
};

export function isAtomicScope(scope: string): scope is AtomicScope {
  return Object.hasOwn(ATOMIC_SCOPES, scope);
}

/** Atomic scopes in a stable order, or the first unknown scope. */
export function expandScopes(
  scopes: readonly string[],
): { ok: true; scopes: AtomicScope[] } | { ok: false; unknown: string } {
  const out = new Set<AtomicScope>();
  for (const scope of scopes) {
    if (isAtomicScope(scope)) out.add(scope);
    else if (Object.hasOwn(COMPOSITE_SCOPES, scope))
      for (const s of COMPOSITE_SCOPES[scope] ?? []) out.add(s);
    else return { ok: false, unknown: scope };
  }
  const order = Object.keys(ATOMIC_SCOPES) as AtomicScope[];
  return { ok: true, scopes: order.filter((s) => out.has(s)) };
}
