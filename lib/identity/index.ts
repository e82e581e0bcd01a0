/**
 * The portal's own view of who logged in. Pages read these types, never raw provider claims.
 * One file per kind of identity; add a kind to the union when a provider brings a new one.
 */
import type { IdtIdentity } from "@/lib/providers/idtoken/identity";
import type { MitidIdentity } from "@/lib/providers/signicat/identity";
import type { NordicEidIdentity } from "@/lib/providers/idura/identity";
import type { SermiIdentity } from "@/lib/providers/digidentity/identity";

export * from "@/lib/providers/idtoken/identity";
export * from "@/lib/providers/signicat/identity";
export * from "@/lib/providers/idura/identity";
export * from "@/lib/providers/digidentity/identity";

export type Identity = SermiIdentity | MitidIdentity | IdtIdentity | NordicEidIdentity;
