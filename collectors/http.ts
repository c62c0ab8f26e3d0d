// The HTTP edge: express routes over the PromStore. /metrics streams cached chunks (cached deflated
// pieces in one gzip stream when asked for gzip), so a scrape never holds the event loop for the whole body; /snmp?target= serves one
// device like snmp_exporter; /targets tells operators which agent is slow or failing and why.
import express from "express";
import type { Response } from "express";
import { GzipStream } from "./gzip-stream";
import type { PromStore } from "./prom-store";

export interface Extension {
  router?: express.Router;
  metricsText?: () => string | Promise<string>;
}

const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Resolves on 'drain', or when the client has gone (then nothing more will drain). */
function drained(out: NodeJS.WritableStream, res: Response): Promise<void> {
  return new Promise<void>((r) => {
    const done = () => {
      out.off("drain", done);
      res.off("close", done);
      r();
    };
    out.once("drain", done);
    res.once("close", done);
  });
}

/**
 * Writes chunks with back-pressure and one chunk per turn of the event loop. Waiting for 'drain'
 * alone does not yield: when the socket takes a chunk at once (a fast local client), Node emits
 * 'drain' from process.nextTick, so the next chunk is built and written in the same macrotask, and
 * so on. Measured with --cpu-prof: a plain scrape of 85 MiB ran 50-118 ms of Buffer.concat and
 * writes inside one processTicksAndRejections.
 * gzip: the chunks are already deflated (prom-store.ts, gzip-stream.ts), so gzip is the same loop;
 * the tail (a few lines) is the stream's last block, before the trailer.
 */
async function streamChunks(res: Response, chunks: Iterable<Buffer | string>, tail: () => Promise<string>, gz?: GzipStream): Promise<void> {
  if (gz) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Vary", "Accept-Encoding");
  for (const c of chunks) {
    if (res.destroyed) return; // the scraper went away: stop building chunks nobody reads
    if (!res.write(c)) await drained(res, res);
    await new Promise<void>((r) => setImmediate(r));
  }
  const t = await tail();
  if (res.destroyed) return;
  res.end(gz ? gz.end(t) : t);
}

/** Who may see what: the guard (web-guard.ts) and whether /metrics stays in front of it. */
export interface Access {
  guard?: express.RequestHandler;
  /** /metrics answers without credentials (a documented choice: the series are no secret to the NOC). */
  metricsOpen?: boolean;
}

/**
 * `board`: the NOC board's router (/ and /board.json, collectors/board/routes.ts). It is mounted in
 * one place, below the guard, with /targets and the report.
 */
/**
 * `pollOnScrape`: when given, /snmp?target= polls the device first and answers with that poll (the
 * scraper's schedule is the poll schedule, snmp_exporter's model); without it, the last scheduled poll.
 */
export function createApp(store: PromStore, extensions: Extension[] = [], extraMetrics: () => string = () => "", board?: express.Router, access: Access = {}, pollOnScrape?: (device: string) => Promise<void>): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Routes before the guard are open: the container healthcheck, and /metrics when chosen so.
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok\n");
  });
  const tail = async () => {
    let s = extraMetrics();
    for (const e of extensions) if (e.metricsText) s += await e.metricsText();
    return s;
  };
  const metrics: express.RequestHandler = (req, res, next) => {
    res.setHeader("Content-Type", CONTENT_TYPE);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const gz = gzip ? new GzipStream() : undefined;
    streamChunks(res, gz ? store.gzipChunks(gz) : store.chunks(), tail, gz).catch(next);
  };
  if (access.metricsOpen) app.get("/metrics", metrics);
  if (access.guard) app.use(access.guard);
  // Everything below is behind the guard: /targets (management addresses, errors), /snmp, the
  // extensions' routes (/report*, the NOC board).
  if (!access.metricsOpen) app.get("/metrics", metrics);
  app.get("/targets", (_req, res) => {
    res.json({ targets: store.status() });
  });
  app.get("/snmp", async (req, res) => {
    const target = String(req.query.target ?? "");
    if (pollOnScrape) {
      try {
        await pollOnScrape(target);
      } catch (err) {
        res.status(404).type("text/plain").send(`${(err as Error).message}\n`);
        return;
      }
    }
    const text = store.targetText(target);
    if (text === undefined) {
      res.status(404).type("text/plain").send(`unknown target or not polled yet: ${target}\n`);
      return;
    }
    res.setHeader("Content-Type", CONTENT_TYPE);
    res.send(text);
  });
  // The NOC board: GET / and GET /board.json, not public (same guard as /targets and /report).
  if (board) app.use(board);
  for (const e of extensions) if (e.router) app.use(e.router);
  return app;
}
