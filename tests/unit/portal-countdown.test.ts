import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { announcedSeconds } from "../../components/ui/waiting";

describe("the countdown's live region", () => {
  it("moves only at each step, however the visible countdown was rounded", () => {
    const announced = [121, 120, 119, 91, 90, 89, 61, 31, 30, 2, 1, 0].map((s) => announcedSeconds(s, 30));
    assert.deepEqual(announced, [120, 120, 120, 90, 90, 90, 60, 30, 30, 30, 0, 0]);
  });

  it("counts a minute in 15-second steps", () => {
    const announced = [61, 60, 46, 45, 16, 15].map((s) => announcedSeconds(s, 15));
    assert.deepEqual(announced, [60, 60, 45, 45, 15, 15]);
  });
});
