import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hono } from "hono";
import type { Html } from "./layout";

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
