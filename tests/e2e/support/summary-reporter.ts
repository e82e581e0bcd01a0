import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Ends the run with one plain "N passed, N failed, N skipped" line that CI can read. */
export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult) {
    this.outcomes.set(
      test.id,
      result.status === "passed" ? "passed" : result.status === "skipped" ? "skipped" : "failed",
    );
    if (test.outcome() === "flaky") this.outcomes.set(test.id, "passed");
  }

  onEnd() {
    const count = (s: string) => [...this.outcomes.values()].filter((v) => v === s).length;
    console.log(
      `\nPlaywright: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`,
    );
  }
}
