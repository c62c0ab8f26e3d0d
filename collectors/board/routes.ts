// GET / (the NOC board page) and GET /board.json (what it shows now, polled by the page): one
// router, so the HTTP server mounts the board in one place and an access guard can wrap it there.
// Bodies are gzipped when the browser asks: the page of a 1,000-link inventory is mostly repeated
// markup, ~10x smaller compressed, and it must stay under 300 KB on the wire (bench/collectors/board.ts).
import express from "express";
import type { Request, Response } from "express";
import { gzipSync } from "node:zlib";
import type { Inventory } from "../../inventory/schema";
import type { TargetStatus } from "../prom-store";
import type { Sample } from "../sample";
import { renderBoardPage } from "./html";
import { layoutBoard, type BoardLayout } from "./layout";
import { boardState, type ComplianceSummary } from "./state";

export interface BoardSource {
  /** The inventory being polled now (the layout is recomputed when this returns another object). */
  inventory(): Inventory;
  /** The poller's targets with their last poll (PromStore.status()). */
  status(): TargetStatus[];
  /** The derived series now (DerivedState.samples()). */
  derived(): Sample[];
  /** The compliance score, when the compliance report is mounted. */
  compliance?: () => ComplianceSummary | null;
  /** Where the compliance report is served (a link from the board), when mounted. */
  reportUrl?: string;
}

/** The compliance evaluation runs the whole rule catalogue: the board reuses a result this long. */
const COMPLIANCE_TTL_MS = 30_000;

/** The browser asks for /board.json half as often as the fastest poll, within 1-10 s. */
export function refreshMsFor(status: TargetStatus[]): number {
  const fastest = Math.min(...status.map((s) => s.intervalSeconds), 20);
  return Math.min(10_000, Math.max(1_000, fastest * 500));
}

function send(req: Request, res: Response, type: string, body: string): void {
  res.type(type).setHeader("Cache-Control", "no-store");
  res.setHeader("Vary", "Accept-Encoding");
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    res.setHeader("Content-Encoding", "gzip");
    res.send(gzipSync(body, { level: 6 }));
  } else res.send(body);
}

export function boardRouter(source: BoardSource): express.Router {
  let layout: { of: Inventory; layout: BoardLayout } | undefined;
  const currentLayout = () => {
    const inv = source.inventory();
    if (layout?.of !== inv) layout = { of: inv, layout: layoutBoard(inv) };
    return layout.layout;
  };
  let compliance: { at: number; value: ComplianceSummary | null } | undefined;
  const currentCompliance = () => {
    if (!source.compliance) return null;
    const now = Date.now();
    if (!compliance || now - compliance.at > COMPLIANCE_TTL_MS) compliance = { at: now, value: source.compliance() };
    return compliance.value;
  };
  const state = () => boardState(currentLayout(), source.status(), source.derived(), currentCompliance(), new Date());

  const router = express.Router();
  router.get("/", (req, res) => {
    const lang = req.query.lang === "en" ? "en" : "id"; // Indonesian unless asked: the page is for the Dinas
    const inv = source.inventory();
    const status = source.status();
    const page = renderBoardPage(currentLayout(), state(), {
      lang,
      kabupaten: inv.meta.kabupaten,
      refreshMs: refreshMsFor(status),
      reportUrl: source.reportUrl,
      grafanaUrl: inv.alerting?.grafanaUrl,
      site: typeof req.query.site === "string" ? req.query.site : undefined,
    });
    send(req, res, "html", page);
  });
  router.get("/board.json", (req, res) => {
    send(req, res, "json", JSON.stringify(state()));
  });
  return router;
}
