/** SERMI identities, as Digidentity vouches for them (IOE, or RSSE with chain authorisation). */
import { z } from "zod";

import { IdentityRefused } from "@/lib/login-failure/identity-refused";

const uid = z.string().trim().min(1).max(256);

/** SERMI UID attributes as Digidentity's user_info.json returns them (docs/providers/digidentity.md). */
export const sermiUserInfoSchema = z.object({
  sub: uid,
  cabuid: uid,
  iouid: uid,
  ioeuid: uid,
  rssuid: uid.optional(),
  rsseuid: uid.optional(),
});

export type SermiUserInfo = z.infer<typeof sermiUserInfoSchema>;

export type SermiIdentity = {
  kind: "sermi";
  provider: "digidentity" | "digidentity-qr";
  /** ISO 8601 time of the login. */
  loginAt: string;
  subject: string;
  /** IOE: an independent operator employee; RSSE: a remote service supplier employee with chain authorisation. */
  role: "IOE" | "RSSE";
  ioe: { cabuid: string; iouid: string; ioeuid: string };
  rsse?: { rssuid: string; rsseuid: string };
  /** Set after a QR login whose access token named a pseudonym: the identity report's key. */
  reportPseudonym?: string;
};

export class MissingUidAttributesError extends IdentityRefused {
  constructor() {
    super("no_uid_attributes", "user info did not carry the SERMI UID attributes");
  }
}

/**
 * An RSSE set carries both rssuid and rsseuid; anything in between is not a valid set, and
 * treating it as an IOE login would hide a broken chain authorisation.
 */
export function sermiIdentityFromUserInfo(
  claims: unknown,
  provider: SermiIdentity["provider"],
  loginAt = new Date(),
): SermiIdentity {
  const parsed = sermiUserInfoSchema.safeParse(claims);
  if (!parsed.success) throw new MissingUidAttributesError();
  const c = parsed.data;
  if ((c.rssuid === undefined) !== (c.rsseuid === undefined)) throw new MissingUidAttributesError();
  return {
    kind: "sermi",
    provider,
    loginAt: loginAt.toISOString(),
    subject: c.sub,
    role: c.rssuid && c.rsseuid ? "RSSE" : "IOE",
    ioe: { cabuid: c.cabuid, iouid: c.iouid, ioeuid: c.ioeuid },
    ...(c.rssuid && c.rsseuid ? { rsse: { rssuid: c.rssuid, rsseuid: c.rsseuid } } : {}),
  };
}

// The portal's union of identities (lib/identity) gains this kind.
declare module "@/lib/identity" {
  interface IdentityKinds {
    sermi: SermiIdentity;
  }
}
