// The "before" of the /metrics streaming fix, kept as a peer for the sustained benchmark: the same
// cached chunks of the same store written with back-pressure by awaiting 'drain' only. A socket that
// takes each chunk at once emits 'drain' from process.nextTick, so this loop never returns to the
// event loop while the client keeps up (collectors/http.ts yields one turn per chunk instead).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PromStore } from "../../collectors/prom-store";

export async function startDrainOnlyPeer(store: PromStore): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    void (async () => {
      for (const c of store.chunks()) {
        if (!res.write(c)) await new Promise<void>((r) => res.once("drain", () => r()));
        else await new Promise<void>((r) => setImmediate(r));
      }
      res.end();
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}
