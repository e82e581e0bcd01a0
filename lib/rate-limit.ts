import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { cookies, headers } from "next/headers";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

import { getConfig } from "./config";
import { apiErrorText, jsonError } from "./route-handler";
import { log } from "./log";
import { getRedisClient } from "./state";
import { shuttingDownResponse } from "./state/refusals";
import { isDraining } from "./state/lifecycle";
import { whenReady } from "./state/redis-client";

export type LimitedAction = "start" | "poll" | "complete";

type Limiter = { shared?: RateLimiterAbstract; local: RateLimiterAbstract };
type Limiters = Record<LimitedAction, { perBrowser: Limiter; perAddress: Limiter }>;

const LIMITERS = Symbol.for("rmi.rate-limiters");
type WithLimiters = typeof globalThis & { [LIMITERS]?: Limiters };

/**
 * One set of limiters per process (on globalThis, so every copy of this module shares it).
 * With REDIS_URL the counts live in Redis (a single node or a Cluster: one key per count) and
 * every instance enforces one limit. If Redis cannot answer, each instance counts on its own
 * until it is back — a limit N instances wide instead of none, so web logins, which need no
 * shared state, keep working — and says so in its log (`rate_limit_local_fallback`) and on
 * /api/ready. Device logins are refused meanwhile anyway (lib/state). docs/production.md.
 */
export function getLimiters(): Limiters {
  const g = globalThis as WithLimiters;
  if (g[LIMITERS]) return g[LIMITERS];
  const { rateLimits } = getConfig();
  const redis = getRedisClient();
  const make = (keyPrefix: string, points: number): Limiter => ({
    local: new RateLimiterMemory({ keyPrefix, points, duration: 60 }),
    shared: redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `rmi:${keyPrefix}`,
          points,
          duration: 60,
          rejectIfRedisNotReady: true,
        })
      : undefined,
  });
  g[LIMITERS] = {
    start: {
      perBrowser: make("start-browser", rateLimits.start.perBrowser),
      perAddress: make("start-address", rateLimits.start.perAddress),
    },
    poll: {
      perBrowser: make("poll-browser", rateLimits.poll.perBrowser),
      perAddress: make("poll-address", rateLimits.poll.perAddress),
    },
    // Completing a device login whose approval the page hands in: as many per login as starts
    // per browser.
    complete: {
      perBrowser: make("complete-login", rateLimits.start.perBrowser),
      perAddress: make("complete-address", rateLimits.poll.perAddress),
    },
  };
  return g[LIMITERS];
}

/**
 * A refusal from rate-limiter-flexible. Not `instanceof`: the limiters live on globalThis and may
 * come from another copy of the library than this module's (instrumentation vs route handlers).
 */
const isRefusal = (e: unknown): e is RateLimiterRes =>
  e instanceof RateLimiterRes ||
  (typeof e === "object" && e !== null && "msBeforeNext" in e && "remainingPoints" in e);

let lastFallbackLog = 0;

/** Count in Redis; if Redis cannot answer, count in this process and say so (every 10 s at most). */
async function consumeOne(limiter: Limiter, key: string): Promise<void> {
  if (limiter.shared) {
    const redis = getRedisClient();
    if (!redis || (await whenReady(redis))) {
      try {
        await limiter.shared.consume(key);
        return;
      } catch (e) {
        if (isRefusal(e)) throw e;
      }
    }
    if (Date.now() - lastFallbackLog > 10_000) {
      lastFallbackLog = Date.now();
      log.warn(
        { event: "rate_limit_local_fallback" },
        "Redis unavailable: rate limits are counted by this instance alone until it is back",
      );
    }
  }
  await limiter.local.consume(key);
}

/**
 * The client's address: the entry `trustedProxyHops` from the end of X-Forwarded-For (Next.js
 * fills the header from the socket when no proxy did). Behind no proxy at all, set the hops to
 * match, or a client could pick its own address.
 */
export function clientAddress(headers: Headers): string {
  const hops = getConfig().rateLimits.trustedProxyHops;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - Math.max(1, hops))] ?? "unknown";
}

/** Keys are hashed: a browser key may be derived from a cookie, which must not sit in Redis. */
const digest = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 22);

/**
 * Count one request; answer null when it may go ahead, or the number of seconds to wait.
 * The per-browser count is only taken when there is a browser key.
 */
async function consumeRateLimit(
  action: LimitedAction,
  keys: { address: string; browser?: string },
): Promise<number | null> {
  const { perBrowser, perAddress } = getLimiters()[action];
  try {
    await consumeOne(perAddress, digest(keys.address));
    if (keys.browser) await consumeOne(perBrowser, digest(keys.browser));
    return null;
  } catch (e) {
    if (isRefusal(e)) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** The 429 every limited route handler answers with. */
export async function tooManyRequests(retryAfterSeconds: number): Promise<Response> {
  return jsonError(429, "rate_limited", await apiErrorText("rateLimited", { seconds: retryAfterSeconds }), {
    headers: { "retry-after": String(retryAfterSeconds) },
  });
}

/**
 * Count the start of a login (any provider), per address and per browser; the browser gets a
 * long-lived random id cookie the first time. Null when it may go ahead, else the seconds to
 * wait. Every start is counted here, whichever of the wrappers below (or lib/login-start.ts for
 * the web logins) refuses it.
 */
export async function countLoginStart(requestHeaders: Headers): Promise<number | null> {
  const jar = await cookies();
  const browser = jar.get(BROWSER_COOKIE)?.value ?? newBrowserId();
  const wait = await consumeRateLimit("start", { address: clientAddress(requestHeaders), browser });
  if (wait !== null) return wait;
  keepBrowserId(jar, browser);
  return null;
}

/** A device login's start in a route handler: a 429 response when over the limit, else null. */
export async function limitLoginStart(req: Request): Promise<Response | null> {
  // A draining instance takes no new logins; the load balancer sends the retry elsewhere.
  if (isDraining()) return shuttingDownResponse();
  const wait = await countLoginStart(req.headers);
  return wait === null ? null : tooManyRequests(wait);
}

/**
 * The same count for a login started by a server action that answers in words (the CIBA
 * start): null when it may go ahead, else the seconds to wait (or 0 while this instance shuts
 * down). The action shows its own refusal.
 */
export async function limitActionStart(): Promise<number | null> {
  if (isDraining()) return 0;
  return countLoginStart(await headers());
}

/** This browser's sealed login cookie, as lib/sealed-cookie.ts makes it (or a cache in front). */
type LoginCookie<T> = { name(): string; open(value: string | undefined): Promise<T | null> };

/**
 * This browser's login cookie for a call counted per login: a status poll, or a completion
 * (a route that verifies an approval the page hands in, and may fetch its signer's keys). The
 * call is counted, per address and per login, before the cookie is decrypted or anything is
 * asked upstream. Either the 429, or the cookie jar, the cookie's name and its state (null when
 * no login is in progress).
 */
export async function openCountedLogin<T>(req: Request, action: "poll" | "complete", cookie: LoginCookie<T>) {
  const jar = await cookies();
  const name = cookie.name();
  const sealed = jar.get(name)?.value;
  const wait = await consumeRateLimit(action, { address: clientAddress(req.headers), browser: sealed });
  if (wait !== null) return { limited: await tooManyRequests(wait) };
  return { limited: null, jar, name, state: await cookie.open(sealed) };
}

function keepBrowserId(jar: Awaited<ReturnType<typeof cookies>>, browser: string) {
  jar.set(BROWSER_COOKIE, browser, {
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().secureCookies,
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}

/** A long-lived random id for this browser, so starts can be counted per browser. */
export const BROWSER_COOKIE = "rmi-browser";
export function newBrowserId(): string {
  return randomBytes(16).toString("base64url");
}
