// GET /sd/targets: the collector's targets as a Prometheus http_sd answer (scrape-sd.ts). Mounted
// behind the guard like /targets: it lists every device the inventory manages.
import express from "express";
import { sdTargetGroups } from "./scrape-sd";
import type { Target } from "./targets";

export const SD_TARGETS_PATH = "/sd/targets";

export function sdRouter(targets: () => Target[], kabupaten: () => string): express.Router {
  const router = express.Router();
  router.get(SD_TARGETS_PATH, (_req, res) => {
    res.json(sdTargetGroups(targets(), kabupaten()));
  });
  return router;
}
