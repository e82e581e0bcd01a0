import { Hono } from "hono";

/** Lots of logins in a test suite, yet bounded: the oldest are dropped first. */
const MAX_ISSUED = 20_000;

/**
 * The last secrets a provider handed out (codes, tokens), for `GET /control/issued`: a test suite
 * can check that none of them ever reached its portal's logs or a URL. Newest last.
 */
export class IssuedLog<Kind extends string> {
  readonly entries: { kind: Kind; value: string }[] = [];

  record(kind: Kind, value: string): void {
    this.entries.push({ kind, value });
    if (this.entries.length > MAX_ISSUED) this.entries.splice(0, this.entries.length - MAX_ISSUED);
  }

  /** `GET /control/issued`, under the provider's prefix. */
  routes(): Hono {
    const app = new Hono();
    app.get("/control/issued", (c) => c.json({ issued: this.entries }));
    return app;
  }
}
