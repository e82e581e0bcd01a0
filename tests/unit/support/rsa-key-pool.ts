/**
 * RSA key pool for the unit tests, loaded with `--import` by `npm run test:unit`.
 *
 * Every sandbox app a unit test builds makes its providers' 2048-bit RSA keys, and one run builds
 * over a hundred of them: about 640 keys, which took most of the unit tests' three minutes on a
 * 2-core machine (one key costs 0.2–0.6 s). This module makes a few keys once per run and hands
 * them out in turn to every `crypto.subtle.generateKey` for a 2048-bit RSA key in the test files'
 * processes; other keys (EC, HMAC, other sizes) are made as before. The keys are generated on each
 * run into a private temporary folder, so there is nothing secret in the repository.
 *
 * Within one process a key comes back only after POOL_SIZE others, more than any one test asks
 * for (a sandbox app takes four), so keys that must differ (a "rotated" key, a second provider)
 * still differ. Run a test file without this module and it makes its own keys, as it always did.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const POOL_SIZE = 16;
const RSA_ALGORITHMS = new Set(["RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP"]);
const PRIVATE_USAGES = new Set<KeyUsage>(["sign", "decrypt", "unwrapKey"]);

const subtle = globalThis.crypto.subtle;
const generateKey = subtle.generateKey.bind(subtle);

/**
 * Makes `count` keys in a child process that generates them side by side (key generation runs on
 * libuv's thread pool, so both cores work) and waits for it: the runner must have the keys before
 * it starts the first test file, and a module loaded with `--import` cannot await here (tsx
 * compiles this file as CommonJS).
 */
function makeKeys(count: number): JsonWebKey[] {
  const script = `
    const { subtle } = globalThis.crypto;
    const algorithm = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };
    const pairs = await Promise.all(Array.from({ length: ${count} }, () => subtle.generateKey(algorithm, true, ["sign", "verify"])));
    process.stdout.write(JSON.stringify(await Promise.all(pairs.map((p) => subtle.exportKey("jwk", p.privateKey)))));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as JsonWebKey[];
}

function isPooled(algorithm: unknown): algorithm is RsaHashedKeyGenParams {
  if (typeof algorithm !== "object" || algorithm === null) return false;
  const a = algorithm as Partial<RsaHashedKeyGenParams>;
  const exponent = a.publicExponent ? Array.from(a.publicExponent) : [];
  return (
    typeof a.name === "string" &&
    RSA_ALGORITHMS.has(a.name) &&
    a.modulusLength === 2048 &&
    exponent.join(",") === "1,0,1"
  );
}

/**
 * The pool of this run, shared by its test files: `node --test` runs each file in a process of its
 * own and does not load `--import` modules itself, so the first file's process makes the keys in
 * a folder named after the runner's pid and the others read them. A folder whose runner has ended
 * is deleted by the next run.
 */
function loadPool(): JsonWebKey[] {
  if (!process.env.NODE_TEST_CONTEXT) return []; // not under `node --test`: keys made as usual
  const prefix = `rsa-key-pool-${process.getuid?.() ?? 0}-`;
  for (const entry of readdirSync(tmpdir())) {
    const pid = Number(entry.startsWith(prefix) ? entry.slice(prefix.length) : NaN);
    if (Number.isInteger(pid) && pid !== process.ppid && !isAlive(pid))
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  const dir = join(tmpdir(), `${prefix}${process.ppid}`);
  const file = join(dir, "keys.json");
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    // Another file's process is making them (or has): wait for its file, at most a minute.
    const waitUntil = Date.now() + 60_000;
    while (!existsSync(file) && Date.now() < waitUntil) sleep(50);
    try {
      return JSON.parse(readFileSync(file, "utf8")) as JsonWebKey[];
    } catch {
      return [];
    }
  }
  const keys = makeKeys(POOL_SIZE);
  writeFileSync(`${file}.part`, JSON.stringify(keys), { mode: 0o600 });
  renameSync(`${file}.part`, file);
  return keys;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const pool = loadPool();
let next = 0;

if (pool.length > 0) {
  subtle.generateKey = async function pooledGenerateKey(
    algorithm: AlgorithmIdentifier | RsaHashedKeyGenParams | EcKeyGenParams,
    extractable: boolean,
    usages: readonly KeyUsage[],
  ) {
    if (!isPooled(algorithm)) return generateKey(algorithm as never, extractable, usages as never);
    const { n, e, d, p, q, dp, dq, qi } = pool[next++ % pool.length]!;
    const params = { name: algorithm.name, hash: algorithm.hash };
    const privateUsages = usages.filter((u) => PRIVATE_USAGES.has(u));
    const publicUsages = usages.filter((u) => !PRIVATE_USAGES.has(u));
    const [privateKey, publicKey] = await Promise.all([
      subtle.importKey("jwk", { kty: "RSA", n, e, d, p, q, dp, dq, qi }, params, extractable, privateUsages),
      subtle.importKey("jwk", { kty: "RSA", n, e }, params, true, publicUsages),
    ]);
    return { privateKey, publicKey };
  } as typeof subtle.generateKey;
}
