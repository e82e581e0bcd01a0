import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { secretsEqual } from "../shared/secrets";
import type { IdtState } from "./state";

/**
 * `wss://…/ws/session/{sessionId}?token={wsToken}`: one connection per session. An unknown (or
 * expired) session closes with 4004, a wrong token with 4001, and a newer connection replaces
 * the older one, which closes with 4009 (docs/providers/idtoken.md).
 */
function onSocket(state: IdtState, socket: WebSocket, sessionId: string, token: string): void {
  const session = state.sessions.get(sessionId);
  if (!session || session.expired) {
    socket.close(4004);
    return;
  }
  if (!secretsEqual(token, session.wsToken)) {
    socket.close(4001);
    return;
  }
  const previous = session.socket;
  if (previous && previous.readyState === previous.OPEN) previous.close(4009);
  session.socket = socket;
  socket.on("close", () => {
    if (session.socket === socket) session.socket = undefined;
  });
  if (session.outcome) {
    socket.send(JSON.stringify(session.outcome));
    socket.close(1000);
    return;
  }
  if (!state.isPending(session)) {
    state.expire(session);
    return;
  }
  socket.send(
    JSON.stringify({
      type: "otp_ready",
      autoPassword: session.autoPassword,
      expiresAt: new Date(session.expiresAt).toISOString(),
    }),
  );
}

/**
 * The socket stays on `ws`: @hono/node-ws 1.x peers on @hono/node-server ^1 while the sandbox
 * runs 2.x, and the sandbox's node server already hands each provider its upgrades.
 */
export function socketUpgrade(state: IdtState, prefix: string) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const socketPath = new RegExp(`^${prefix}/ws/session/([A-Za-z0-9_-]{1,64})$`);
  return (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const match = socketPath.exec(url.pathname);
    if (!match?.[1]) return false;
    const sessionId = match[1];
    const token = url.searchParams.get("token") ?? "";
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(state, ws, sessionId, token));
    return true;
  };
}
