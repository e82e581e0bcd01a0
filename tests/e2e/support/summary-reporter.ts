import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { FullConfig, Reporter, Suite, TestCase, TestResult } from "@playwright/test/reporter";

/** Per spec file: how many tests, their summed time in a worker, and first start to last end. */
type SpecTime = { tests: number; workerMs: number; start: number; end: number };

/**
 * Ends the run with one plain "N passed, N failed, N skipped" line that CI can read, and writes
 * where the time went, per spec file, to test-results/spec-timings.txt (the table in
 * docs/testing.md#where-the-time-goes comes from it). Retries count in the time: they are paid.
 */
export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, string>();
  private specs = new Map<string, SpecTime>();
  private outputDir = "test-results";
  private startedAt = Date.now();

  onBegin(config: FullConfig) {
    this.outputDir = config.projects[0]?.outputDir ?? this.outputDir;
    this.startedAt = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult) {
    this.outcomes.set(
      test.id,
      result.status === "passed" ? "passed" : result.status === "skipped" ? "skipped" : "failed",
    );
    if (test.outcome() === "flaky") this.outcomes.set(test.id, "passed");
    if (result.status === "skipped") return;
    const file = path.basename(specFile(test));
    const start = result.startTime.getTime();
    const spec = this.specs.get(file) ?? { tests: 0, workerMs: 0, start, end: start };
    if (result.retry === 0) spec.tests += 1;
    spec.workerMs += result.duration;
    spec.start = Math.min(spec.start, start);
    spec.end = Math.max(spec.end, start + result.duration);
    this.specs.set(file, spec);
  }

  onEnd() {
    const count = (s: string) => [...this.outcomes.values()].filter((v) => v === s).length;
    console.log(
      `\nPlaywright: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`,
    );
    this.writeTimings();
  }

  private writeTimings() {
    const rows = [...this.specs.entries()].sort((a, b) => b[1].workerMs - a[1].workerMs);
    if (rows.length === 0) return;
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const total = rows.reduce((sum, [, s]) => sum + s.workerMs, 0);
    const width = Math.max(...rows.map(([file]) => file.length));
    const lines = [
      `${"spec".padEnd(width)}  tests  worker-s  span-s`,
      ...rows.map(
        ([file, s]) =>
          `${file.padEnd(width)}  ${String(s.tests).padStart(5)}  ${seconds(s.workerMs).padStart(8)}  ${seconds(s.end - s.start).padStart(6)}`,
      ),
      `${"all specs".padEnd(width)}  ${String(rows.reduce((n, [, s]) => n + s.tests, 0)).padStart(5)}  ${seconds(total).padStart(8)}  ${seconds(Date.now() - this.startedAt).padStart(6)}`,
    ];
    const file = path.join(this.outputDir, "spec-timings.txt");
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(file, `${lines.join("\n")}\n`);
    console.log(`Time per spec file: ${path.relative(process.cwd(), file)}`);
  }
}

/** The spec file a test belongs to (a test declared in a support file counts for the spec that runs it). */
function specFile(test: TestCase): string {
  for (let suite: Suite | undefined = test.parent; suite; suite = suite.parent) {
    if (suite.type === "file" && suite.location) return suite.location.file;
  }
  return test.location.file;
}
