import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  MissingUidAttributesError,
  sermiIdentityFromUserInfo,
} from "../../lib/providers/digidentity/identity";

const IOE = {
  sub: "e2x0a6mp-37l0-42ps-94ef-u69755438d3o",
  cabuid: "EXA/NL/1234/1EXA2MP34LE5",
  iouid: "EXAMPLEIO/WALDORPSTRAAT13FTHEHAGUE2521CA/NL123456789B01",
  ioeuid: "NL/EXAMPLECAB/1234567890B",
};

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
    const id = sermiIdentityFromUserInfo(
      {
        ...IOE,
        sub: "e6x3a4mp-49l2-66ps-94ef-u39455005d8o",
        rssuid: "EXAMPLERSS/WALDORPSTRAAT13FTHEHAGUE2521CA/NL987654321B02",
        rsseuid: "NL/EXAMPLECAB/9876543210D",
      },
      "digidentity-qr",
    );
    assert.equal(id.role, "RSSE");
    assert.equal(id.rsse?.rsseuid, "NL/EXAMPLECAB/9876543210D");
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
