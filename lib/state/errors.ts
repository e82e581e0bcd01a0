/**
 * The shared-state store could not answer (Redis down, timed out, refused the command). Thrown
 * by every primitive whose guarantee would be lost by answering from this process alone: single
 * use, the upstream pace and the final answers. Route handlers answer it with 503
 * `{error: "state_unavailable"}` (lib/state/refusals.ts); pages show a refusal in plain words.
 */
export class SharedStateUnavailable extends Error {
  override readonly name = "SharedStateUnavailable";
  constructor(
    /** The primitive that failed, for the log line: consumeOnce, tryPace, remember, … */
    readonly operation: string,
    detail: string,
  ) {
    super(`shared state unavailable during ${operation}: ${detail}`);
  }
}

export function isSharedStateUnavailable(e: unknown): e is SharedStateUnavailable {
  return e instanceof SharedStateUnavailable || (e instanceof Error && e.name === "SharedStateUnavailable");
}
