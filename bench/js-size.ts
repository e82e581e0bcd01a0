/**
 * First-load JavaScript of a page, from the build: the framework's root chunks
 * (`.next/build-manifest.json` → rootMainFiles) plus every chunk the page's client reference
 * manifest lists as an entry of its segments (layout, error and not-found boundaries, the page:
 * `.next/server/app/<route>/page_client-reference-manifest.js` → entryJSFiles). Polyfills are
 * left out (only browsers without ES modules load them). Each file is gzipped at level 9 and the
 * sizes summed, each file once. This is the set `next build` used to print as "First Load JS".
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export type PageJs = { route: string; bytes: number; files: { file: string; gzipBytes: number }[] };

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/**
 * The page's folder under `.next/server/app`, through route groups: `login` may be built as
 * `(signed-out)/login`, which the URL does not show.
 */
function pageDir(appDir: string, route: string): string {
  const direct = path.join(appDir, route);
  if (existsSync(path.join(direct, "page_client-reference-manifest.js"))) return route;
  for (const entry of readdirSync(appDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\(.*\)$/.test(entry.name)) continue;
    const inGroup = path.join(entry.name, route);
    if (existsSync(path.join(appDir, inGroup, "page_client-reference-manifest.js"))) return inGroup;
  }
  throw new Error(`no build of /${route} in ${appDir}`);
}

export function firstLoadJs(root: string, route: string): PageJs {
  const next = path.join(root, ".next");
  const buildManifest = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const dir = pageDir(path.join(next, "server", "app"), route)
    .split(path.sep)
    .join("/");
  const manifestFile = path.join(next, "server", "app", dir, "page_client-reference-manifest.js");
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it in a sandbox.
  const scope: { globalThis?: unknown; __RSC_MANIFEST: Record<string, ClientReferenceManifest> } = {
    __RSC_MANIFEST: {},
  };
  scope.globalThis = scope;
  runInNewContext(readFileSync(manifestFile, "utf8"), scope);
  const manifest = scope.__RSC_MANIFEST[`/${dir}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`no client reference manifest for /${route}`);

  const files = new Set(buildManifest.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const f of chunks) files.add(f);
  const sized = [...files].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(next, file)), { level: 9 }).length,
  }));
  return { route: `/${route}`, bytes: sized.reduce((n, f) => n + f.gzipBytes, 0), files: sized };
}

/** The part every page shares and no page can shed: React DOM and Next.js's app router runtime. */
export function frameworkJs(root: string): number {
  const next = path.join(root, ".next");
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  return rootMainFiles.reduce(
    (n, file) => n + gzipSync(readFileSync(path.join(next, file)), { level: 9 }).length,
    0,
  );
}
