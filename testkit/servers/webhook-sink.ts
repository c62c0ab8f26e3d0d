// A tiny HTTP server standing in for the notification endpoints: it records every webhook POST
// (Alertmanager's webhook payload) by path, so a test can count what each receiver was sent.
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface WebhookNotification {
  path: string;
  at: number;
  body: {
    receiver: string;
    status: "firing" | "resolved";
    groupLabels: Record<string, string>;
    commonLabels: Record<string, string>;
    alerts: { status: string; labels: Record<string, string>; annotations: Record<string, string>; startsAt: string; fingerprint: string }[];
  };
}

export interface WebhookSink {
  /** http://127.0.0.1:PORT (append a path per receiver). */
  url: string;
  received: WebhookNotification[];
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const received: WebhookNotification[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      try {
        received.push({ path: req.url ?? "/", at: Date.now(), body: JSON.parse(body) });
        res.writeHead(200).end();
      } catch {
        // A body that is not JSON is a bug in what sent it: answer 400 and keep serving.
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
