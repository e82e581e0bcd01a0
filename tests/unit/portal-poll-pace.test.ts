import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { PollPace } from "../../lib/oidc/poll-pace";

type Answer = { status: "pending" | "approved"; call: number };

/** A provider that counts its calls and answers after a moment, so polls can overlap. */
function provider(answerAfter: (call: number) => Answer["status"]) {
  let calls = 0;
  return {
    calls: () => calls,
    call: async (): Promise<Answer> => {
      calls += 1;
      const call = calls;
      await new Promise((r) => setTimeout(r, 20));
      return { status: answerAfter(call), call };
    },
  };
}

const keepFor = (intervalMs: number) => (a: Answer) => (a.status === "pending" ? intervalMs : 5_000);

describe("poll pace", () => {
  it("asks the provider once per interval however often the browser polls", async () => {
    const pace = new PollPace<Answer>();
    const p = provider(() => "pending");
    for (let i = 0; i < 5; i++) assert.equal((await pace.ask("a", keepFor(200), p.call)).call, 1);
    assert.equal(p.calls(), 1);
    await new Promise((r) => setTimeout(r, 220));
    assert.equal((await pace.ask("a", keepFor(200), p.call)).call, 2);
    assert.equal(p.calls(), 2);
  });

  it("overlapping polls share one call; other logins have their own", async () => {
    const pace = new PollPace<Answer>();
    const p = provider(() => "pending");
    const answers = await Promise.all(["a", "a", "a", "b"].map((k) => pace.ask(k, keepFor(1000), p.call)));
    assert.deepEqual(answers.map((a) => a.call).sort(), [1, 1, 1, 2]);
    assert.equal(p.calls(), 2);
  });

  it("repeats the answer that ended the login to a poll that comes right after it", async () => {
    const pace = new PollPace<Answer>();
    // The provider hands the tokens out on the first call only.
    const p = provider((call) => (call === 1 ? "approved" : "pending"));
    const first = await pace.ask("a", keepFor(0), p.call);
    const second = await pace.ask("a", keepFor(0), p.call);
    assert.equal(first.status, "approved");
    assert.deepEqual(second, first);
    assert.equal(p.calls(), 1);
  });

  it("says when an answer is a repeat, and how long until the next call", async () => {
    const pace = new PollPace<Answer>();
    const p = provider(() => "pending");
    const first = await pace.askPaced("a", keepFor(500), p.call);
    assert.equal(first.repeat, undefined);
    const second = await pace.askPaced("a", keepFor(500), p.call);
    assert.deepEqual(second.answer, first.answer);
    assert.ok(second.repeat, "the second poll is answered from the pace");
    // Within the interval kept (500 ms from when the call started, 20 ms of it spent calling).
    assert.ok(
      second.repeat.nextCallInMs > 0 && second.repeat.nextCallInMs <= 500,
      `${second.repeat.nextCallInMs}`,
    );
    await new Promise((r) => setTimeout(r, second.repeat!.nextCallInMs + 5));
    const third = await pace.askPaced("a", keepFor(500), p.call);
    assert.equal(third.repeat, undefined, "asked again once the pace allows");
    assert.equal(p.calls(), 2);
  });
});
