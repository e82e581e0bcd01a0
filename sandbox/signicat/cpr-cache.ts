import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Clock } from "../shared/ttl-store";

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ cpr: z.string().regex(/^\d{10}$/), expiresAt: z.number() })),
});

/**
 * The "Remember my CPR number" store: one CPR per MitID identity per client, kept for a fixed
 * number of days. Signicat keeps it server-side across sessions, so the sandbox writes it to a
 * small JSON file that survives a restart. The file holds made-up test CPRs only; it is never
 * logged and lives under the git-ignored `.data/`.
 */
export class CprCache {
  readonly #file: string;
  readonly #ttlMs: number;
  readonly #now: Clock;
  #entries: Record<string, { cpr: string; expiresAt: number }> = {};

  constructor(options: { file: string; ttlDays: number; now: Clock }) {
    this.#file = options.file;
    this.#ttlMs = options.ttlDays * 24 * 60 * 60 * 1000;
    this.#now = options.now;
    this.#load();
  }

  #key(clientId: string, mitidUuid: string): string {
    return `${clientId} ${mitidUuid}`;
  }

  #load(): void {
    let text: string;
    try {
      text = readFileSync(this.#file, "utf8");
    } catch {
      return;
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) this.#entries = parsed.data.entries;
    } catch {
      // A damaged file is treated as empty; it is rewritten on the next remember.
    }
  }

  #save(): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    // Write and rename, so a crash mid-write never leaves half a file behind.
    const temp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, entries: this.#entries }), { mode: 0o600 });
    renameSync(temp, this.#file);
  }

  get(clientId: string, mitidUuid: string): string | undefined {
    const entry = this.#entries[this.#key(clientId, mitidUuid)];
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      delete this.#entries[this.#key(clientId, mitidUuid)];
      return undefined;
    }
    return entry.cpr;
  }

  remember(clientId: string, mitidUuid: string, cpr: string): void {
    this.#entries[this.#key(clientId, mitidUuid)] = { cpr, expiresAt: this.#now() + this.#ttlMs };
    this.#save();
  }

  /** Forget one user (for one client), or everyone when no user is given. */
  forget(filter: { clientId?: string; mitidUuid?: string } = {}): number {
    let removed = 0;
    for (const key of Object.keys(this.#entries)) {
      const [clientId, uuid] = key.split(" ");
      if (filter.clientId && filter.clientId !== clientId) continue;
      if (filter.mitidUuid && filter.mitidUuid !== uuid) continue;
      delete this.#entries[key];
      removed += 1;
    }
    this.#save();
    return removed;
  }
}
