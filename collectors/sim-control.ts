// `spbe serve --simulate`'s remote control, for demos and the NOC board's browser test (which runs
// serve as its own process): load a link, stop or start a device's agent. Mounted only when
// simulating; it changes nothing but the simulator.
//   POST /simulator/links/<id>?utilisation=0.9   extra traffic of 90 % of the link's capacity (0: none)
//   POST /simulator/devices/<id>/stop | /start
//   GET  /simulator                              what is loaded and stopped
//   GET  /simulator/polls                        per device: polls its agent has answered, and when
import express from "express";
import type { Inventory } from "../inventory/schema";
import type { Simulator } from "./simulator";

export function simulatorControl(simulator: Simulator, inventory: () => Inventory): express.Router {
  const router = express.Router();
  router.get("/simulator", (_req, res) => {
    res.json({
      stopped: simulator.stopped(),
      links: inventory().links.filter((l) => simulator.traffic.bps(l.id) > 0).map((l) => ({ id: l.id, extraBps: simulator.traffic.bps(l.id) })),
    });
  });
  router.get("/simulator/polls", (_req, res) => {
    res.json(Object.fromEntries(simulator.polls()));
  });
  router.post("/simulator/links/:id", (req, res) => {
    const link = inventory().links.find((l) => l.id === req.params.id);
    const utilisation = Number(req.query.utilisation);
    if (!link) return void res.status(404).json({ error: `unknown link "${req.params.id}"` });
    if (!Number.isFinite(utilisation) || utilisation < 0 || utilisation > 10) return void res.status(400).json({ error: "utilisation must be a number from 0 to 10 (share of capacity)" });
    simulator.traffic.set(link.id, utilisation * link.capacityMbps * 1e6);
    res.json({ id: link.id, extraBps: simulator.traffic.bps(link.id) });
  });
  router.post("/simulator/devices/:id/:action", async (req, res) => {
    const { id, action } = req.params;
    try {
      if (action === "stop") await simulator.stopDevice(id);
      else if (action === "start") await simulator.startDevice(id);
      else return void res.status(404).json({ error: `unknown action "${action}" (stop, start)` });
      res.json({ id, stopped: simulator.stopped().includes(id) });
    } catch (err) {
      res.status(409).json({ error: (err as Error).message });
    }
  });
  return router;
}
