import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { maskCpr, MissingMitidClaimsError, mitidIdentityFromUserInfo } from "../../lib/identity";
import { reasonFromOAuthError } from "../../lib/login-failure/provider-names";

const base = {
  sub: "pairwise-subject",
  name: "Peter Hansen",
  mitid_uuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e01",
  mitid_has_cpr: "true",
  mitid_loa: "SUBSTANTIAL",
  mitid_ial: "HIGH",
  mitid_aal: "SUBSTANTIAL",
  auth_token_id: "mitid:27fbcb32-07d3-4d4b-8db4-e98179f3dfae",
};

describe("MitID identity from Signicat claims", () => {
  it("keeps only the masked CPR, and the step-up token apart from the identity", () => {
    const { identity, authTokenId } = mitidIdentityFromUserInfo({
      ...base,
      nin: "2805542112",
      mitid_cpr_source: "database",
    });
    assert.equal(identity.flow, "cpr");
    assert.deepEqual(identity.cprMatch, { maskedCpr: "280554-****", source: "database" });
    assert.equal(identity.hasCpr, true);
    assert.equal(authTokenId, base.auth_token_id);
    assert.doesNotMatch(JSON.stringify(identity), /2805542112|27fbcb32/);
  });

  it("reads MitID Business claims with their dotted names and string booleans", () => {
    const { identity } = mitidIdentityFromUserInfo({
      ...base,
      "signicat.organization.number": "96413608",
      "signicat.organization.name": "Testorganisation nr. 96413608",
      "mitid.employee.uuid": "a878d794-ea8d-4953-9c70-505d0cdcaf3a",
      "mitid.employee.name": "Erik Hansen",
      "mitid.employee.can_represent_organization_alone": "false",
      "mitid.employee.organization.p_number": "1028556051",
    });
    assert.equal(identity.flow, "business");
    assert.deepEqual(identity.organisation, {
      name: "Testorganisation nr. 96413608",
      cvr: "96413608",
      pNumber: "1028556051",
    });
    assert.deepEqual(identity.representative, {
      kind: "employee",
      name: "Erik Hansen",
      canRepresentAlone: false,
    });
  });

  it("reads Private for Business as a signatory of the company", () => {
    const { identity } = mitidIdentityFromUserInfo({
      ...base,
      "signicat.organization.number": "23456789",
      "signicat.organization.name": "Jensen Services",
    });
    assert.equal(identity.flow, "company");
    assert.deepEqual(identity.representative, { kind: "signatory" });
  });

  it("refuses answers without the MitID claims", () => {
    assert.throws(() => mitidIdentityFromUserInfo({ sub: "x" }), MissingMitidClaimsError);
    assert.throws(() => mitidIdentityFromUserInfo({ ...base, mitid_has_cpr: true }), MissingMitidClaimsError);
  });

  it("masks a CPR to its date part", () => {
    assert.equal(maskCpr("1203704628"), "120370-****");
  });

  it("maps each Signicat error code to its own page", () => {
    const cases: Record<string, string> = {
      "urn:signicat:error:usercancel": "cancelled",
      "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR": "lacks_signatory_rights",
      "urn:signicat:error:CPR_MATCH_FAILED_ERROR": "cpr_not_matched",
      "urn:signicat:error:CPR_MATCH_NOT_POSSIBLE_FOR_BUSINESS_IDENTITY_ERROR": "cpr_match_business_identity",
      "urn:signicat:error:STEP_UP_REFUSED_ERROR": "step_up_refused",
      "urn:signicat:error:NO_BUSINESS_IDENTITY_ERROR": "no_business_identity",
    };
    for (const [code, reason] of Object.entries(cases)) {
      assert.equal(reasonFromOAuthError("access_denied", code), reason);
    }
    assert.equal(reasonFromOAuthError("access_denied", "toString"), "access_denied");
  });
});
