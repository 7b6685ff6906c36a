import { createServer, connect } from "node:net";
import type { Server, Socket } from "node:net";

/**
 * A TCP relay to 127.0.0.1:`targetPort`. `down()` closes it and cuts every connection (what a
 * client sees when a node is stopped: refused connections); `up()` listens again on the same
 * port (the node is back, with its chain intact).
 */
export async function startRelay(targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  async function up(): Promise<void> {
    server = createServer((client) => {
      const upstream = connect(targetPort, "127.0.0.1");
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    const address = server.address();
    if (typeof address === "object" && address) port = address.port;
  }

  async function down(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  }

  await up();
  return { url: () => `http://127.0.0.1:${port}`, up, down };
}
