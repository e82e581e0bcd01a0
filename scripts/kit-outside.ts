/**
 * `npm run test:kit`: the test kit as another repository gets it. Packs packages/test-kit with
 * `npm pack` (which builds it), installs the tarball into a new project in a temporary folder
 * (with @playwright/test, nothing from this repository), type-checks the kit's example suite
 * there against the packed types and runs it against a running portal and sandbox:
 *
 *   PORTAL_URL=http://localhost:3000 KIT_SANDBOX_URL=http://localhost:4000 npm run test:kit
 *
 * CHROMIUM_PATH picks the browser (default Debian's chromium-headless-shell, else /usr/bin/chromium). KIT_OUTSIDE_KEEP=on
 * keeps the folder. tests/e2e/kit-example.spec.ts runs this against the browser tests' stack.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const kitDir = path.join(root, "packages", "test-kit");

function version(pkg: string): string {
  return (
    JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
}

/** The environment without what an outer Playwright run sets for its own workers. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(PW_|PLAYWRIGHT_|TEST_WORKER_INDEX|TEST_PARALLEL_INDEX|npm_)/.test(name)) delete env[name];
  return { ...env, ...extra };
}

function step(what: string, command: string, args: string[], cwd: string, env = cleanEnv({})): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => {
      console.log(
        `[kit-outside] ${what}: ${code === 0 ? "done" : `exit ${code}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${command} ${args.join(" ")} exited with ${code})`));
    });
  });
}

async function main() {
  const portalUrl = process.env.PORTAL_URL;
  const sandboxUrl = process.env.KIT_SANDBOX_URL;
  if (!portalUrl || !sandboxUrl)
    throw new Error(
      "Set PORTAL_URL and KIT_SANDBOX_URL to a running portal and its sandbox (e.g. `npm run demo`).",
    );
  // The browser tests' own choice: Debian's headless shell when installed (docs/testing.md).
  const chromium =
    process.env.CHROMIUM_PATH ??
    ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => existsSync(p)) ??
    "";

  const dir = mkdtempSync(path.join(tmpdir(), "kit-outside-"));
  try {
    await step("npm pack (builds the kit)", "npm", ["pack", "--pack-destination", dir, "--silent"], kitDir);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack made no tarball");

    cpSync(path.join(kitDir, "example"), dir, { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify(
        {
          name: "kit-outside-example",
          private: true,
          devDependencies: {
            "@playwright/test": version("@playwright/test"),
            "@sermi-rmi-portal/test-kit": `file:./${tarball}`,
            "@types/node": version("@types/node"),
          },
        },
        null,
        2,
      ),
    );
    await step(
      "npm install (tarball + @playwright/test)",
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      dir,
    );
    // The example against the packed types, with this repository's TypeScript (the project has none).
    await step(
      "tsc on the example",
      process.execPath,
      [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir],
      dir,
    );
    await step(
      "the example suite",
      path.join(dir, "node_modules", ".bin", "playwright"),
      ["test"],
      dir,
      cleanEnv({
        PORTAL_URL: portalUrl,
        KIT_SANDBOX_URL: sandboxUrl,
        ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
      }),
    );
  } finally {
    if (/^(on|1|true)$/i.test(process.env.KIT_OUTSIDE_KEEP ?? "")) console.log(`[kit-outside] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[kit-outside] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
