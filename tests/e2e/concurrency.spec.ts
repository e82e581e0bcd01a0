import { Sandbox } from "../kit";
import { expect, test } from "./support/fixtures";

import { PORTAL_URL, SANDBOX_URL } from "./support/env";
import { PERSONAS } from "./support/personas";

/**
 * 500 people with a QR login pending at once, approved in random order: every one of them must
 * end signed in as exactly the persona approved for them. Each "browser" is an HTTP client with
 * its own cookie jar, doing what the QR page does: start, poll, complete through Auth.js's
 * digidentity-qr callback, read the session.
 */
const PEOPLE = 500;
const PARALLEL = 50;
const base = PORTAL_URL.replace("localhost", "127.0.0.1");

class Browser {
  private readonly jar = new Map<string, string>();
  qrId = "";
  expectedSub = "";

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(`${base}${path}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(set) || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
}

/** Run `task` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

test("500 pending QR logins approved in random order: each ends with exactly its own identity", async () => {
  test.setTimeout(240_000);
  const people = Array.from({ length: PEOPLE }, () => new Browser());

  await inParallel(people, PARALLEL, async (person) => {
    const res = await person.fetch("/api/digidentity-qr/start", { method: "POST" });
    expect(res.status).toBe(200);
    person.qrId = Sandbox.qrId(((await res.json()) as { qrCodeUri: string }).qrCodeUri);
  });
  expect(new Set(people.map((p) => p.qrId)).size).toBe(PEOPLE);

  // The phones answer in an order unrelated to the order the logins started in.
  const shuffled = [...people].sort(() => Math.random() - 0.5);
  await inParallel(shuffled, PARALLEL, async (person) => {
    const persona = Math.random() < 0.5 ? "ioe" : "rsse";
    person.expectedSub = PERSONAS[persona].uids.sub;
    const res = await fetch(`${SANDBOX_URL}/digidentity/control/qr/${person.qrId}/approve`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona }),
    });
    expect(res.status).toBe(200);
  });

  await inParallel(people, PARALLEL, async (person) => {
    let status = "pending";
    for (let attempt = 0; status === "pending" && attempt < 20; attempt++) {
      const res = await person.fetch("/api/digidentity-qr/status");
      expect(res.status).toBe(200);
      status = ((await res.json()) as { status: string }).status;
    }
    expect(status).toBe("approved");

    const csrf = (await (await person.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await person.fetch("/api/auth/callback/digidentity-qr", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${PORTAL_URL}/account` }),
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe(`${PORTAL_URL}/account`);

    const session = (await (await person.fetch("/api/auth/session")).json()) as {
      identity: { subject: string; provider: string };
    };
    expect(session.identity.provider).toBe("digidentity-qr");
    expect(session.identity.subject).toBe(person.expectedSub);
  });
});
