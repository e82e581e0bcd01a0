import { createServer, type AddressInfo } from "node:net";

/** A free loopback port, for a server a test starts (a sandbox whose issuer names it, a redis-server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
