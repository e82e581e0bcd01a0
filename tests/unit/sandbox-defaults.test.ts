import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parseConfig, SANDBOX_DEFAULTS } from "../../lib/config-schema";
import { REQUEST_ENCRYPTION_ENCS, REQUEST_SIGNING_ALGS } from "../../lib/providers/signicat/descriptor";
import { SANDBOX_TRANSFER_DEFAULTS } from "../../lib/providers/signicat/transfer-config";
import { parseSandboxConfig } from "../../sandbox/config";
import { SANDBOX_BROKER_ID, serviceProviderId } from "../../sandbox/signicat/session-transfer";
import { REQUEST_OBJECT_CONTENT_ENCRYPTION, REQUEST_OBJECT_SIGNING_ALGS } from "../../sandbox/signicat/state";

/**
 * The portal and the sandbox never import each other, so the credentials `npm run demo` relies on
 * are written on both sides; this test is where they meet (tests may import both).
 */
describe("the portal's sandbox defaults are the sandbox's own", () => {
  const sandbox = parseSandboxConfig({});
  const portal = parseConfig({}).providers;

  it("Digidentity client, secret and product scope", () => {
    assert.equal(SANDBOX_DEFAULTS.DIGIDENTITY_CLIENT_ID, sandbox.digidentity.clientId);
    assert.equal(SANDBOX_DEFAULTS.DIGIDENTITY_CLIENT_SECRET, sandbox.digidentity.clientSecret);
    assert.equal(SANDBOX_DEFAULTS.DIGIDENTITY_PRODUCT_SCOPE, sandbox.digidentity.productScope);
    assert.equal(portal.digidentity!.clientId, sandbox.digidentity.clientId);
  });

  it("Signicat client and secret", () => {
    assert.equal(SANDBOX_DEFAULTS.SIGNICAT_CLIENT_ID, sandbox.signicat.clientId);
    assert.equal(SANDBOX_DEFAULTS.SIGNICAT_CLIENT_SECRET, sandbox.signicat.clientSecret);
  });

  it("Signicat request objects: the algorithms the portal may sign and encrypt with, the sandbox takes", () => {
    assert.deepEqual([...REQUEST_SIGNING_ALGS], REQUEST_OBJECT_SIGNING_ALGS);
    assert.deepEqual([...REQUEST_ENCRYPTION_ENCS], REQUEST_OBJECT_CONTENT_ENCRYPTION);
  });

  it("IDToken service", () => {
    assert.equal(SANDBOX_DEFAULTS.IDTOKEN_SERVICE_ID, sandbox.idtoken.serviceId);
  });

  it("Idura client and secret", () => {
    assert.equal(SANDBOX_DEFAULTS.IDURA_CLIENT_ID, sandbox.idura.clientId);
    assert.equal(SANDBOX_DEFAULTS.IDURA_CLIENT_SECRET, sandbox.idura.clientSecret);
  });

  it("MitID Session Transfer: the broker, the partner and its name; both ends on by default", () => {
    assert.equal(SANDBOX_TRANSFER_DEFAULTS.brokerId, SANDBOX_BROKER_ID);
    assert.equal(SANDBOX_TRANSFER_DEFAULTS.partnerClientId, sandbox.signicat.partner.clientId);
    assert.equal(SANDBOX_TRANSFER_DEFAULTS.partnerName, sandbox.signicat.partner.name);
    assert.equal(
      SANDBOX_TRANSFER_DEFAULTS.partnerServiceProvider,
      serviceProviderId(sandbox.signicat.partner.clientId),
    );
    assert.deepEqual(sandbox.signicat.transferClients, [
      sandbox.signicat.clientId,
      sandbox.signicat.partner.clientId,
    ]);
    assert.deepEqual(
      portal.signicat!.transfer!.senders.map((s) => s.id),
      [sandbox.signicat.partner.clientId],
    );
    assert.equal(portal.signicat!.transfer!.senderId, sandbox.signicat.clientId);
    assert.ok(Object.keys(sandbox.signicat.partner.portals).includes(portal.signicat!.transfer!.senderId));
  });
});
