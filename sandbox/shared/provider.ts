import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hono } from "hono";
import type { z } from "zod";
import type { CommonConfig } from "../config";
import type { SliceContext } from "./env";
import type { MessageKey } from "./i18n";
import type { Html } from "./layout";
import type { Clock } from "./ttl-store";

/** What each provider folder hands to the app: its routes under its own prefix, and its home-page part. */
export interface SandboxProvider {
  /** Path prefix, e.g. "/digidentity"; also the last segment of its issuer. */
  prefix: string;
  name: string;
  routes: Hono;
  /** A function when the section shows state that changes, like a misbehaviour switch. */
  homeSection: Html | (() => Html);
  /** WebSocket upgrades under this prefix; true when this provider took the request. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
}

/**
 * The configuration as one provider's code sees it: the common part and its own, under its key.
 * Not the whole SandboxConfig, which is made from the list of providers: a provider's folder
 * does not depend on the others.
 */
export type ConfigFor<K extends string, C> = CommonConfig & { readonly [P in K]: C };

/**
 * One provider of the sandbox as sandbox/providers.ts lists it: its own environment variables
 * (a zod shape; no two providers may name the same variable), how they become its part of the
 * configuration, and how it is built and shown. Everything else the sandbox knows about a
 * provider is in its folder.
 */
export interface SandboxProviderDefinition<K extends string, S extends z.ZodRawShape, C> {
  /** Its key in SandboxConfig, e.g. `config.digidentity`. */
  key: K;
  env: S;
  config(env: z.infer<z.ZodObject<S>>, ctx: SliceContext): C;
  /** The client the phone pages call SANDBOX_SERVICE_NAME. */
  mainClientId(config: C): string;
  create(config: ConfigFor<K, C>, now: Clock): Promise<SandboxProvider>;
  /** The addresses worth printing at start-up. */
  urls(config: ConfigFor<K, C>): { label: string; url: string }[];
  /** What the home page's "scan with your phone" part says about its phone pages. */
  phoneHint: MessageKey;
}

export function defineSandboxProvider<K extends string, S extends z.ZodRawShape, C>(
  definition: SandboxProviderDefinition<K, S, C>,
): SandboxProviderDefinition<K, S, C> {
  return definition;
}
