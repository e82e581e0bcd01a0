import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  maskCpr,
  MissingMitidClaimsError,
  mitidIdentityFromUserInfo,
} from "../../lib/providers/signicat/identity";
import { reasonFromOAuthError } from "../../lib/login-failure/provider-names";

const hub = { platform: "eid-hub", grantedScope: "openid profile idp-id mitid-extra" } as const;
const hubCpr = { platform: "eid-hub", grantedScope: "openid profile idp-id mitid-extra nin" } as const;

const base = {
  sub: "public-subject",
  name: "Peter Hansen",
  mitid_uuid: "6f3c2a0e-5b7d-4e1a-9c2f-1a2b3c4d5e01",
  mitid_has_cpr: "true",
  mitid_loa: "SUBSTANTIAL",
  mitid_ial: "HIGH",
  mitid_aal: "SUBSTANTIAL",
};

describe("MitID identity from Signicat claims", () => {
  it("keeps only the masked CPR of a granted CPR match", () => {
    const { identity } = mitidIdentityFromUserInfo(
      { ...base, nin: "2805542112", mitid_cpr_source: "database" },
      hubCpr,
    );
    assert.equal(identity.flow, "cpr");
    assert.deepEqual(identity.cprMatch, { maskedCpr: "280554-****", source: "database" });
    assert.equal(identity.hasCpr, true);
    assert.doesNotMatch(JSON.stringify(identity), /2805542112/);
  });

  it("a nin without the CPR scope granted does not read as CPR matched, and is dropped", () => {
    const { identity } = mitidIdentityFromUserInfo(
      { ...base, nin: "2805542112", mitid_cpr_source: "database" },
      hub,
    );
    assert.equal(identity.flow, "mitid");
    assert.equal(identity.cprMatch, undefined);
    assert.doesNotMatch(JSON.stringify(identity), /2805542112|280554/);
    const unknownScope = mitidIdentityFromUserInfo(
      { ...base, nin: "2805542112" },
      { platform: "eid-hub", grantedScope: undefined },
    );
    assert.equal(unknownScope.identity.cprMatch, undefined);
  });

  it("takes mitid_has_cpr as a string or a JSON boolean", () => {
    assert.equal(mitidIdentityFromUserInfo({ ...base, mitid_has_cpr: true }, hub).identity.hasCpr, true);
    assert.equal(mitidIdentityFromUserInfo({ ...base, mitid_has_cpr: "false" }, hub).identity.hasCpr, false);
    // A malformed value is left out rather than refusing the login.
    assert.equal(mitidIdentityFromUserInfo({ ...base, mitid_has_cpr: 1 }, hub).identity.hasCpr, undefined);
  });

  it("logs in a user with name and address protection: empty or absent name", () => {
    for (const name of ["", undefined]) {
      const { identity } = mitidIdentityFromUserInfo(
        { ...base, name, mitid_name_and_address_protection: "true" },
        hub,
      );
      assert.equal(identity.name, undefined);
      assert.equal(identity.nameProtected, true);
    }
  });

  it("keeps the step-up token apart from the identity (Enterprise: sub is the MitID UUID)", () => {
    const { identity, authTokenId } = mitidIdentityFromUserInfo(
      {
        sub: "c8938385-211d-4ab1-968c-ac84bb788c4f",
        name: "Helle Jensen",
        "signicat.national_id": "2805542112",
        auth_token_id: "mitid:27fbcb32-07d3-4d4b-8db4-e98179f3dfae",
      },
      { platform: "enterprise", grantedScope: "openid profile signicat.national_id" },
    );
    assert.equal(identity.mitidUuid, "c8938385-211d-4ab1-968c-ac84bb788c4f");
    assert.equal(identity.flow, "cpr");
    assert.equal(identity.loa, undefined);
    assert.equal(authTokenId, "mitid:27fbcb32-07d3-4d4b-8db4-e98179f3dfae");
    assert.doesNotMatch(JSON.stringify(identity), /2805542112|27fbcb32/);
  });

  it("reads MitID Business claims with their dotted names and string booleans", () => {
    const { identity } = mitidIdentityFromUserInfo(
      {
        ...base,
        "signicat.organization.number": "96413608",
        "signicat.organization.name": "Testorganisation nr. 96413608",
        "mitid.employee.uuid": "a878d794-ea8d-4953-9c70-505d0cdcaf3a",
        "mitid.employee.name": "Erik Hansen",
        "mitid.employee.can_represent_organization_alone": "false",
        "mitid.employee.organization.p_number": "1028556051",
      },
      hub,
    );
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
    const { identity } = mitidIdentityFromUserInfo(
      {
        ...base,
        "signicat.organization.number": "23456789",
        "signicat.organization.name": "Jensen Services",
      },
      hub,
    );
    assert.equal(identity.flow, "company");
    assert.deepEqual(identity.representative, { kind: "signatory" });
  });

  it("refuses answers without a MitID identifier", () => {
    assert.throws(() => mitidIdentityFromUserInfo({ sub: "x" }, hub), MissingMitidClaimsError);
    assert.throws(() => mitidIdentityFromUserInfo({ name: "x" }, hub), MissingMitidClaimsError);
  });

  it("masks a CPR to its date part", () => {
    assert.equal(maskCpr("1203704628"), "120370-****");
  });

  it("maps each documented Signicat error to its own page, and nothing else", () => {
    assert.equal(
      reasonFromOAuthError("IDP-3200", "Authentication with IdP 'mitid' was aborted"),
      "cancelled",
    );
    assert.equal(reasonFromOAuthError("access_denied", "urn:signicat:error:usercancel"), "cancelled");
    assert.equal(
      reasonFromOAuthError(
        "access_denied",
        "urn:signicat:error:USER_LACKS_SIGNATORY_RIGHTS_FOR_SPECIFIED_CVR_ERROR",
      ),
      "lacks_signatory_rights",
    );
    // The codes only the old sandbox sent are gone.
    assert.equal(
      reasonFromOAuthError("access_denied", "urn:signicat:error:CPR_MATCH_FAILED_ERROR"),
      "access_denied",
    );
    assert.equal(reasonFromOAuthError("IDP-9999", undefined), "provider_error");
    assert.equal(reasonFromOAuthError("access_denied", "toString"), "access_denied");
    assert.equal(reasonFromOAuthError("toString", undefined), "provider_error");
  });
});
