/**
 * The portal's own view of who logged in. Pages read these types, never raw provider claims.
 * One file per kind of identity; add a kind to the union when a provider brings a new one.
 */
import type { IdTokenIdentity } from "./idtoken";
import type { MitidIdentity } from "./mitid";
import type { NordicEidIdentity } from "./nordic-eid";
import type { SermiIdentity } from "./sermi";

export * from "./idtoken";
export * from "./mitid";
export * from "./nordic-eid";
export * from "./sermi";

export type Identity = SermiIdentity | MitidIdentity | IdTokenIdentity | NordicEidIdentity;
