/**
 * Whether `.next` holds a build of the portal's current sources, so `npm run demo` (and the
 * screenshots) can skip `next build`, which takes a minute or more.
 *
 * After each build it makes, the demo writes `.next/demo-sources.json`: the build id and a hash
 * of every file that can change the build. A build with that id is fresh while the hash matches;
 * mtimes do not matter (a `git checkout` that restores the same files keeps it fresh, one that
 * changes them makes it stale). A build made elsewhere (`npm run build`, the browser tests) has
 * no stamp for its id: it is fresh when its BUILD_ID is newer than every source, and the stamp is
 * written then, so the next start goes by the hash.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Top-level folders `next build` never reads: the sandbox, the tests, the scripts and the docs
 * (ESLint keeps the portal from importing the sandbox). Everything else counts, dotfiles too
 * (Next.js reads `.env*`), so a file nobody thought of makes a rebuild, never a stale demo.
 */
const NOT_BUILT = new Set([
  "sandbox",
  "tests",
  "scripts",
  "docs",
  "bench",
  "packages",
  "logs",
  "test-results",
  "playwright-report",
  "blob-report",
  ".data",
  ".next",
  ".git",
  "node_modules",
]);
const NEVER = new Set(["node_modules", ".git", ".next"]);
const STAMP = "demo-sources.json";

function sourceFiles(root: string, dir = "", top = true): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (NEVER.has(entry.name) || (top && NOT_BUILT.has(entry.name))) continue;
    if (top && entry.isFile() && /\.md$/i.test(entry.name)) continue;
    // tsc's incremental cache (`npm run typecheck` writes it); never read by `next build`.
    if (entry.isFile() && entry.name.endsWith(".tsbuildinfo")) continue;
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(root, rel, false));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

/** A hash of every source file and of the `NEXT_PUBLIC_*` variables (inlined at build time). */
export function sourcesHash(root: string, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root).sort()) {
    hash.update(file.split(path.sep).join("/")).update("\0");
    hash.update(readFileSync(path.join(root, file))).update("\0");
  }
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b)))
    if (name.startsWith("NEXT_PUBLIC_")) hash.update(`${name}=${value}\0`);
  return hash.digest("hex");
}

export type Freshness = { fresh: boolean; why: string };

function readBuildId(root: string): string | undefined {
  const file = path.join(root, ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** Records that the build now in `.next` was made from the current sources. */
export function stampBuild(root: string, env: Record<string, string | undefined> = process.env): void {
  const buildId = readBuildId(root);
  if (!buildId) return;
  writeFileSync(
    path.join(root, ".next", STAMP),
    JSON.stringify({ buildId, sources: sourcesHash(root, env) }) + "\n",
  );
}

export function buildFreshness(
  root: string,
  env: Record<string, string | undefined> = process.env,
): Freshness {
  const buildId = readBuildId(root);
  if (!buildId) return { fresh: false, why: "there is no build yet" };
  const sources = sourcesHash(root, env);
  let stamp: { buildId?: string; sources?: string } = {};
  try {
    stamp = JSON.parse(readFileSync(path.join(root, ".next", STAMP), "utf8")) as typeof stamp;
  } catch {
    // No stamp: a build the demo did not make.
  }
  if (stamp.buildId === buildId)
    return stamp.sources === sources
      ? { fresh: true, why: "the build matches the sources" }
      : { fresh: false, why: "the sources changed since the last build" };
  const built = statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  const newer = sourceFiles(root).find((file) => statSync(path.join(root, file)).mtimeMs >= built);
  if (newer) return { fresh: false, why: `${newer} changed after the last build` };
  try {
    stampBuild(root, env);
  } catch {
    // A read-only .next: the mtimes will say the same next time.
  }
  return { fresh: true, why: "the build is newer than every source" };
}
