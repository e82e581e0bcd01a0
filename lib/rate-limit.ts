import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { Redis } from "ioredis";
import { cookies } from "next/headers";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

import { getConfig } from "./config";
import { apiErrorText, jsonError } from "./route-handler";
import { log } from "./log";

export type LimitedAction = "start" | "poll";

type Limiters = Record<LimitedAction, { perBrowser: RateLimiterAbstract; perAddress: RateLimiterAbstract }>;

let limiters: Limiters | undefined;

/**
 * One set of limiters per process. With REDIS_URL the counts are shared by every portal
 * instance; if Redis is unreachable each instance falls back to counting on its own (the
 * insurance limiter) rather than letting everything through or refusing everyone.
 */
export function getLimiters(): Limiters {
  if (limiters) return limiters;
  const { rateLimits } = getConfig();
  const redis = rateLimits.redisUrl
    ? // Commands wait for the connection (so the first requests after start are counted in
      // Redis too), but give up quickly when Redis is down and let the insurance limiter count.
      new Redis(rateLimits.redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1 })
    : undefined;
  redis?.on("error", (e: Error) =>
    log.warn({ event: "redis_error", detail: e.message }, "rate-limit store error"),
  );
  const make = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: 60 });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `rmi:${keyPrefix}`,
          points,
          duration: 60,
          insuranceLimiter: memory,
        })
      : memory;
  };
  limiters = {
    start: {
      perBrowser: make("start-browser", rateLimits.start.perBrowser),
      perAddress: make("start-address", rateLimits.start.perAddress),
    },
    poll: {
      perBrowser: make("poll-browser", rateLimits.poll.perBrowser),
      perAddress: make("poll-address", rateLimits.poll.perAddress),
    },
  };
  return limiters;
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
export async function consumeRateLimit(
  action: LimitedAction,
  keys: { address: string; browser?: string },
): Promise<number | null> {
  const { perBrowser, perAddress } = getLimiters()[action];
  try {
    await perAddress.consume(digest(keys.address));
    if (keys.browser) await perBrowser.consume(digest(keys.browser));
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** The 429 every limited route handler answers with. */
export async function tooManyRequests(retryAfterSeconds: number): Promise<Response> {
  return jsonError(429, "rate_limited", await apiErrorText("rateLimited", { seconds: retryAfterSeconds }), {
    "retry-after": String(retryAfterSeconds),
  });
}

/**
 * Count the start of a login (any provider), per address and per browser; the browser gets a
 * long-lived random id cookie the first time. A 429 response when over the limit, else null.
 */
export async function limitLoginStart(req: Request): Promise<Response | null> {
  const jar = await cookies();
  const browser = jar.get(BROWSER_COOKIE)?.value ?? newBrowserId();
  const wait = await consumeRateLimit("start", { address: clientAddress(req.headers), browser });
  if (wait !== null) return tooManyRequests(wait);
  jar.set(BROWSER_COOKIE, browser, {
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().secureCookies,
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
  return null;
}

/** Count one status poll of the login whose sealed cookie is `login`, per address and per login. */
export async function limitStatusPoll(req: Request, login: string | undefined): Promise<Response | null> {
  const wait = await consumeRateLimit("poll", { address: clientAddress(req.headers), browser: login });
  return wait === null ? null : tooManyRequests(wait);
}

/** A long-lived random id for this browser, so starts can be counted per browser. */
export const BROWSER_COOKIE = "rmi-browser";
export function newBrowserId(): string {
  return randomBytes(16).toString("base64url");
}
