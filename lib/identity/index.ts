/**
 * The portal's own view of who logged in. Pages read these types, never raw provider claims.
 * Each provider module adds its kind of identity from its own `identity.ts`, by augmenting
 * `IdentityKinds` (`declare module "@/lib/identity"`), so this file names no provider and a new
 * provider needs no line here (docs/architecture.md).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface IdentityKinds {}

export type Identity = IdentityKinds[keyof IdentityKinds];
