/**
 * IDToken's scopes (docs/providers/idtoken.md, "Claims & Scopes"): each atomic scope releases some claims under
 * the JWT's `idtoken` object; composites stand for several atomic scopes and are expanded
 * before anything is checked, shown or granted. What the phone shows for each scope is a page
 * text: `idtoken.scopes` in sandbox/messages.
 */
export const ATOMIC_SCOPES = {
  "identity:name": { claims: ["givenName", "familyName"] },
  "identity:date_of_birth": { claims: ["dateOfBirth"] },
  "identity:nationality": { claims: ["nationality"] },
  "identity:age_over_18": { claims: ["ageOver18"] },
  "identity:document": { claims: ["documentNumber"] },
  "identity:trust_level": { claims: ["trustLevel"] },
} as const;

export type AtomicScope = keyof typeof ATOMIC_SCOPES;

export const COMPOSITE_SCOPES: Record<string, AtomicScope[]> = {
  "identity:basic": ["identity:name", "identity:trust_level"],
  "identity:age_verification": ["identity:age_over_18", "identity:name"],
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
