import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { IdtSubjectMismatchError, idtIdentityFromPayload } from "../../lib/providers/idtoken/identity";

describe("IDToken identity", () => {
  it("keeps only the claims that were granted", () => {
    const { identity, skipped } = idtIdentityFromPayload({
      sub: "IDT-MARIE-DUPONT",
      scope: "identity:name identity:age_over_18",
      idtoken: { tokenId: "IDT-MARIE-DUPONT", givenName: "Marie", familyName: "Dupont", ageOver18: true },
    });
    assert.deepEqual(identity.name, { given: "Marie", family: "Dupont" });
    assert.equal(identity.ageOver18, true);
    assert.equal(identity.dateOfBirth, undefined);
    assert.deepEqual(identity.grantedScopes, ["identity:name", "identity:age_over_18"]);
    assert.deepEqual(skipped, []);
  });

  it("leaves out a claim of another shape and names it, without refusing the login", () => {
    const { identity, skipped } = idtIdentityFromPayload({
      sub: "IDT-A",
      scope: "identity:full",
      idtoken: {
        givenName: "Ann",
        familyName: "A",
        dateOfBirth: "14/03/1990",
        documentNumber: { type: "passport", number: "X1" },
        nationality: "fr",
        trustLevel: "high",
      },
    });
    assert.deepEqual(identity.name, { given: "Ann", family: "A" });
    assert.equal(identity.trustLevel, "high");
    assert.equal(identity.dateOfBirth, undefined);
    assert.equal(identity.documentNumber, undefined);
    assert.equal(identity.nationality, undefined);
    assert.deepEqual(skipped.sort(), ["dateOfBirth", "documentNumber", "nationality"]);
  });

  it("refuses claims about another token than the subject", () => {
    assert.throws(
      () => idtIdentityFromPayload({ sub: "IDT-A", idtoken: { tokenId: "IDT-B" } }),
      IdtSubjectMismatchError,
    );
  });
});
