import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { IdTokenClaimsError, idTokenIdentityFromPayload } from "../../lib/providers/idtoken/identity";

describe("IDToken identity", () => {
  it("keeps only the claims that were granted", () => {
    const identity = idTokenIdentityFromPayload({
      sub: "IDT-MARIE-DUPONT",
      scope: "identity:name identity:age_over_18",
      idtoken: { tokenId: "IDT-MARIE-DUPONT", givenName: "Marie", familyName: "Dupont", age_over_18: true },
    });
    assert.deepEqual(identity.name, { given: "Marie", family: "Dupont" });
    assert.equal(identity.ageOver18, true);
    assert.equal(identity.dateOfBirth, undefined);
    assert.deepEqual(identity.grantedScopes, ["identity:name", "identity:age_over_18"]);
  });

  it("refuses claims about another token than the subject", () => {
    assert.throws(
      () => idTokenIdentityFromPayload({ sub: "IDT-A", idtoken: { tokenId: "IDT-B" } }),
      IdTokenClaimsError,
    );
  });
});
