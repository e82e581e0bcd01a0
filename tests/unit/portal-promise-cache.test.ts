import assert from "node:assert/strict";
import { after, describe, it, mock } from "node:test";

import { promiseCache } from "../../lib/upstream/promise-cache";

describe("promiseCache (discovery documents, Signicat's encryption keys)", () => {
  it("shares one request between callers, keeps it for its time, and keeps no failure", async () => {
    mock.timers.enable({ apis: ["Date"], now: 1_000_000 });
    after(() => mock.timers.reset());
    const cached = promiseCache<number>(60_000);
    let loads = 0;
    const load = async () => ++loads;

    const [a, b] = await Promise.all([cached("k", load), cached("k", load)]);
    assert.deepEqual([a, b, loads], [1, 1, 1]);
    mock.timers.setTime(1_000_000 + 59_999);
    assert.equal(await cached("k", load), 1);
    assert.equal(await cached("other", load), 2);
    mock.timers.setTime(1_000_000 + 60_000);
    assert.equal(await cached("k", load), 3);

    await assert.rejects(cached("down", () => Promise.reject(new Error("unreachable"))));
    assert.equal(await cached("down", load), 4);
  });
});
