// The HTTP edge: express routes over the PromStore. /metrics streams cached chunks (gzip when
// asked), so a scrape never holds the event loop for the whole body; /snmp?target= serves one
// device like snmp_exporter; /targets tells operators which agent is slow or failing and why.
import express from "express";
import { createGzip } from "node:zlib";
import type { Response } from "express";
import type { PromStore } from "./prom-store";

export interface Extension {
  router?: express.Router;
  metricsText?: () => string | Promise<string>;
}

const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Writes chunks with back-pressure, yielding to the event loop between chunks. */
async function streamChunks(res: Response, chunks: Iterable<Buffer | string>, tail: () => Promise<string>, gzip: boolean): Promise<void> {
  const out = gzip ? createGzip({ level: 1 }) : res;
  if (gzip) {
    res.setHeader("Content-Encoding", "gzip");
    (out as ReturnType<typeof createGzip>).pipe(res);
  }
  for (const c of chunks) {
    if (!out.write(c)) await new Promise<void>((r) => out.once("drain", () => r()));
    else await new Promise<void>((r) => setImmediate(r)); // ~1 MiB per turn of the event loop
  }
  out.write(await tail());
  out.end();
}

export function createApp(store: PromStore, extensions: Extension[] = [], extraMetrics: () => string = () => ""): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok\n");
  });
  app.get("/targets", (_req, res) => {
    res.json({ targets: store.status() });
  });
  const tail = async () => {
    let s = extraMetrics();
    for (const e of extensions) if (e.metricsText) s += await e.metricsText();
    return s;
  };
  app.get("/metrics", (req, res, next) => {
    res.setHeader("Content-Type", CONTENT_TYPE);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    streamChunks(res, store.chunks(), tail, gzip).catch(next);
  });
  app.get("/snmp", (req, res) => {
    const target = String(req.query.target ?? "");
    const text = store.targetText(target);
    if (text === undefined) {
      res.status(404).type("text/plain").send(`unknown target or not polled yet: ${target}\n`);
      return;
    }
    res.setHeader("Content-Type", CONTENT_TYPE);
    res.send(text);
  });
  for (const e of extensions) if (e.router) app.use(e.router);
  return app;
}
