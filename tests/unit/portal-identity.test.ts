import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  MissingUidAttributesError,
  sermiIdentityFromUserInfo,
} from "../../lib/providers/digidentity/identity";
import { DOCUMENTED_IOE as IOE, DOCUMENTED_RSSE as RSSE } from "./support/digidentity-uids";

describe("SERMI identity from user info", () => {
  it("an IOE set", () => {
    const id = sermiIdentityFromUserInfo(IOE, "digidentity", new Date("2026-11-21T10:00:00Z"));
    assert.deepEqual(id, {
      kind: "sermi",
      provider: "digidentity",
      loginAt: "2026-11-21T10:00:00.000Z",
      subject: IOE.sub,
      role: "IOE",
      ioe: { cabuid: IOE.cabuid, iouid: IOE.iouid, ioeuid: IOE.ioeuid },
    });
  });

  it("an RSSE set with the IOE it acts for", () => {
    const id = sermiIdentityFromUserInfo(RSSE, "digidentity-qr");
    assert.equal(id.role, "RSSE");
    assert.equal(id.rsse?.rsseuid, RSSE.rsseuid);
    assert.equal(id.ioe.ioeuid, IOE.ioeuid);
  });

  it("refuses a missing UID set or half an RSSE set", () => {
    assert.throws(
      () => sermiIdentityFromUserInfo({ sub: IOE.sub }, "digidentity"),
      MissingUidAttributesError,
    );
    assert.throws(
      () => sermiIdentityFromUserInfo({ ...IOE, rssuid: "EXAMPLERSS/X/NL1" }, "digidentity"),
      MissingUidAttributesError,
    );
    assert.throws(
      () => sermiIdentityFromUserInfo({ ...IOE, cabuid: "" }, "digidentity"),
      MissingUidAttributesError,
    );
  });
});
