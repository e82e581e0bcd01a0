import "server-only";

/**
 * Polls of a provider, one key per login, at the provider's pace: an answer is reused for as
 * long as `keepFor(answer)` says (the rest of the poll interval for "pending", a few seconds for
 * an answer that ends the login), and asks that overlap share one call. In this instance's
 * memory only, bounded (oldest out first); an instance that never saw a login simply asks.
 */
export class PollPace<T> {
  readonly #last = new Map<string, { answer: T; until: number }>();
  readonly #asking = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries = 20_000) {}

  async ask(key: string, keepFor: (answer: T) => number, call: () => Promise<T>): Promise<T> {
    return (await this.askPaced(key, keepFor, call)).answer;
  }

  /**
   * As `ask`, and says when an answer is a repeat (no call was made for it) and in how many ms
   * this instance will call again for this login, so a page can ask right then instead of a
   * whole interval later (docs/performance.md, "approval → signed in").
   */
  async askPaced(
    key: string,
    keepFor: (answer: T) => number,
    call: () => Promise<T>,
  ): Promise<{ answer: T; repeat?: { nextCallInMs: number } }> {
    const now = Date.now();
    const last = this.#last.get(key);
    if (last) {
      if (now < last.until) return { answer: last.answer, repeat: { nextCallInMs: last.until - now } };
      this.#last.delete(key);
    }
    const asking = this.#asking.get(key);
    if (asking) return { answer: await asking };
    const pending = call()
      .then((answer) => {
        const entry = { answer, until: now + keepFor(answer) };
        this.#last.delete(key);
        this.#last.set(key, entry);
        if (this.#last.size > this.maxEntries) this.#last.delete(this.#last.keys().next().value!);
        // An answer may hold tokens: keep it no longer than it is useful.
        setTimeout(
          () => {
            if (this.#last.get(key) === entry) this.#last.delete(key);
          },
          Math.max(0, entry.until - Date.now()),
        ).unref();
        return answer;
      })
      .finally(() => this.#asking.delete(key));
    this.#asking.set(key, pending);
    return { answer: await pending };
  }
}
