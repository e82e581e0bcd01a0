import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { deviceOf } from "../../lib/device";

const headers = (values: Record<string, string>) => new Headers(values);

describe("deviceOf: phone or computer, for the order of the login choices", () => {
  it("a phone's user agent, or its client hint, is a phone", () => {
    const iPhone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.0 Mobile/15E148 Safari/604.1";
    const android =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
    assert.equal(deviceOf(headers({ "user-agent": iPhone })), "phone");
    assert.equal(deviceOf(headers({ "user-agent": android })), "phone");
    assert.equal(deviceOf(headers({ "sec-ch-ua-mobile": "?1" })), "phone");
  });

  it("a desktop browser and an Android tablet are computers; no header at all is one too", () => {
    const desktop =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    const tablet =
      "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    assert.equal(deviceOf(headers({ "user-agent": desktop, "sec-ch-ua-mobile": "?0" })), "computer");
    assert.equal(deviceOf(headers({ "user-agent": tablet })), "computer");
    assert.equal(deviceOf(headers({})), "computer");
  });
});
