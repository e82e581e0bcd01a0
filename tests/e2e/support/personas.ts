import { findPersona, type UidSet } from "../../../sandbox/digidentity/personas";
import { DIGIDENTITY_PERSONAS } from "../../kit";

/**
 * The UID set of a sandbox persona (sandbox/digidentity/personas.ts, the one list of them),
 * narrowed to the attributes named: each must be there, so a test cannot expect one it lacks.
 */
function uidsOf<K extends keyof UidSet>(id: string, keys: readonly K[]): Record<K, string> {
  const uids = findPersona(id)?.uids;
  if (!uids) throw new Error(`the Digidentity sandbox has no persona ${id}`);
  return Object.fromEntries(
    keys.map((key) => {
      const value = uids[key];
      if (value === undefined) throw new Error(`the Digidentity sandbox's ${id} has no ${key}`);
      return [key, value];
    }),
  ) as Record<K, string>;
}

const IOE_UIDS = ["sub", "cabuid", "iouid", "ioeuid"] as const;

/**
 * The sandbox's Digidentity personas and the UID attributes the portal must show for them; the
 * labels are the kit's (DIGIDENTITY_PERSONAS), the UIDs the sandbox's own persona file's.
 * The first two are exactly the examples of Digidentity's API documentation (seed 001).
 */
export const PERSONAS = {
  ioe: { label: DIGIDENTITY_PERSONAS.ioe, uids: uidsOf("ioe", IOE_UIDS) },
  rsse: {
    label: DIGIDENTITY_PERSONAS.rsse,
    uids: uidsOf("rsse", [...IOE_UIDS, "rssuid", "rsseuid"]),
  },
  revoked: { label: DIGIDENTITY_PERSONAS.revoked },
  rsseOnce: {
    label: DIGIDENTITY_PERSONAS["rsse-once"],
    uids: uidsOf("rsse-once", ["sub", "rssuid", "rsseuid"]),
  },
} as const;
